package org.proxyfund.probe.shadowsocks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.CanaryFrames;
import org.proxyfund.probe.relay.RelayCheck;
import org.proxyfund.probe.relay.TelegramTargets;
import org.proxyfund.probe.wire.SocksAddress;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Shadowsocks AEAD (chacha20-ietf-poly1305, aes-256-gcm, aes-128-gcm) with the issued password: the canary's address
 * as the first sealed chunk, then the nonce frame, and the server's sealed echo back.
 */
@ApplicationScoped
public class ShadowsocksChecker implements Checker {

    private final RelayCheck relay;

    @Inject
    public ShadowsocksChecker(HostGuard guard, CanaryFrames canary, ProbeConfig config, TelegramTargets targets) {
        this.relay = new RelayCheck(guard, canary, config, targets);
    }

    /** Without user targets: checks reach the canary only (tests of the protocol itself). */
    public ShadowsocksChecker(HostGuard guard, CanaryFrames canary, ProbeConfig config) {
        this(guard, canary, config, TelegramTargets.none(config));
    }

    @Override
    public EndpointType type() {
        return EndpointType.SHADOWSOCKS;
    }

    @Override
    public CheckResult check(CheckTarget target) {
        String cipherName = target.field(EndpointType.CIPHER).orElse("");
        Optional<AeadCipherKind> kind = AeadCipherKind.byName(cipherName);
        if (kind.isEmpty()) {
            // The validator accepts only these ciphers, so this is a stale or hand-edited endpoint: not the operator's outage.
            return CheckResult.unknown(Detail.of("ss_unknown_cipher", cipherName));
        }
        String password = target.credential().get(MonitorCredential.PASSWORD).orElseThrow();
        byte[] masterKey = ShadowsocksKeys.masterKey(password, kind.get().keyBytes());
        // AEAD: without the key nothing is relayed at all, so there is no negative control to run.
        return relay.run(target, (in, out) -> ShadowsocksStreams.wrap(kind.get(), masterKey, in, out),
                RelayCheck.Handshakes.issuedOnly((in, out, host, port) -> {
                    // No reply comes before data, so the address goes out with the first data RelayCheck sends next.
                    ByteArrayOutputStream address = new ByteArrayOutputStream();
                    SocksAddress.write(address, host);
                    address.write(port >> 8);
                    address.write(port & 0xFF);
                    out.write(address.toByteArray());
                    return null;
                }));
    }
}
