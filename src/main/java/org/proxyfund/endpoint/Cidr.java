package org.proxyfund.endpoint;

import java.net.InetAddress;
import java.util.Optional;

/** An IPv4 or IPv6 address range in CIDR notation (a bare address is a /32 or /128). */
record Cidr(byte[] network, int prefixLength) {

    /** Parses {@code 10.0.0.0/8}, {@code ::1}, {@code 127.0.0.1}; empty when the text is not an IP or CIDR. */
    static Optional<Cidr> parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        Optional<InetAddress> address = IpLiterals.parse(slash < 0 ? s : s.substring(0, slash));
        if (address.isEmpty()) return Optional.empty();
        byte[] bytes = address.get().getAddress();
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (bits < 0 || bits > bytes.length * 8) return Optional.empty();
        }
        return Optional.of(new Cidr(bytes, bits));
    }

    /** True when the address lies in this range (IPv4-mapped IPv6 addresses arrive from the JDK as IPv4). */
    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) return false;
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }
}
