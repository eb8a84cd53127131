package org.proxyfund.endpoint;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The SSRF guard's answer for one host: allowed with the addresses it resolved to, or refused with a reason.
 *
 * @param host      the host as checked
 * @param addresses every address the host resolved to (empty when refused before or during resolution)
 * @param reason    null when allowed; otherwise why the host was refused
 * @param message   null when allowed; otherwise an English sentence naming the offending address
 */
public record HostVerdict(String host, List<InetAddress> addresses, Reason reason, String message) {

    /** Why a host was refused. */
    public enum Reason {
        LOOPBACK, PRIVATE, LINK_LOCAL, MULTICAST, CGNAT, RESERVED, UNSPECIFIED, BROADCAST,
        DOCUMENTATION, BENCHMARK, UNRESOLVABLE, MALFORMED
    }

    public HostVerdict {
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(addresses);
    }

    static HostVerdict allowed(String host, List<InetAddress> addresses) {
        return new HostVerdict(host, addresses, null, null);
    }

    static HostVerdict refused(String host, List<InetAddress> addresses, Reason reason, String message) {
        return new HostVerdict(host, addresses, Objects.requireNonNull(reason), Objects.requireNonNull(message));
    }

    /** True when every address the host resolved to is public (or allowlisted). */
    public boolean allowed() {
        return reason == null;
    }
}
