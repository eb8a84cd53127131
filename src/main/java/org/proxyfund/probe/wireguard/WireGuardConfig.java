package org.proxyfund.probe.wireguard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** WireGuard check settings (proxyfund.probe.wireguard.*); the whole handshake waits at most proxyfund.probe.io-timeout. */
@ConfigMapping(prefix = "proxyfund.probe.wireguard")
public interface WireGuardConfig {

    /** Handshake initiations sent, evenly spread over io-timeout, each a fresh one (UDP may lose a datagram). */
    @WithDefault("3")
    int attempts();

    /**
     * UDP port on the endpoint's host probed once when the WireGuard port stays silent: an ICMP "port unreachable"
     * from it shows the host is up and reports closed ports, so the silent WireGuard port has a listener that ignored
     * our key (AUTH_REJECTED) rather than an unreachable host (TIMEOUT). 9 is the discard port; 0 turns the probe off.
     */
    @WithDefault("9")
    int controlPort();

    /** How long to wait for the control port's ICMP "port unreachable". */
    @WithDefault("1s")
    Duration controlWait();
}
