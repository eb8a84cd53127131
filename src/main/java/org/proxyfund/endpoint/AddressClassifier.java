package org.proxyfund.endpoint;

import org.proxyfund.endpoint.HostVerdict.Reason;

import java.net.InetAddress;

/** Classifies one IP address as public or as one of the ranges the SSRF guard refuses; pure and thread-safe. */
final class AddressClassifier {

    /** A blocked range: why, and how to say it. */
    record Block(Reason reason, String description) {
    }

    private static final Block LOOPBACK = new Block(Reason.LOOPBACK, "a loopback address");
    private static final Block UNSPECIFIED = new Block(Reason.UNSPECIFIED, "the unspecified address");

    private AddressClassifier() {
    }

    /** The range this address falls in, or null when it is a public unicast address. */
    static Block classify(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? classifyV4(b, 0) : classifyV6(b);
    }

    private static Block classifyV4(byte[] b, int o) {
        int a0 = b[o] & 0xff, a1 = b[o + 1] & 0xff, a2 = b[o + 2] & 0xff, a3 = b[o + 3] & 0xff;
        if (a0 == 0) {
            return a1 == 0 && a2 == 0 && a3 == 0 ? UNSPECIFIED
                    : new Block(Reason.RESERVED, "in 0.0.0.0/8 (\"this network\")");
        }
        if (a0 == 127) return LOOPBACK;
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return new Block(Reason.PRIVATE, "a private address (RFC 1918)");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) return new Block(Reason.CGNAT, "a carrier-grade NAT address (100.64.0.0/10)");
        if (a0 == 169 && a1 == 254) return new Block(Reason.LINK_LOCAL, "a link-local address (169.254.0.0/16)");
        if (a0 == 192 && a1 == 0 && a2 == 0) return new Block(Reason.RESERVED, "in 192.0.0.0/24 (IETF protocol assignments)");
        if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return new Block(Reason.DOCUMENTATION, "a documentation address (RFC 5737)");
        }
        if (a0 == 192 && a1 == 88 && a2 == 99) return new Block(Reason.RESERVED, "in 192.88.99.0/24 (deprecated 6to4 relay)");
        if (a0 == 198 && (a1 & 0xfe) == 18) return new Block(Reason.BENCHMARK, "a benchmarking address (198.18.0.0/15)");
        if (a0 >= 224 && a0 <= 239) return new Block(Reason.MULTICAST, "a multicast address (224.0.0.0/4)");
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) return new Block(Reason.BROADCAST, "the broadcast address");
        if (a0 >= 240) return new Block(Reason.RESERVED, "in the reserved range 240.0.0.0/4");
        return null;
    }

    private static Block classifyV6(byte[] b) {
        if (allZero(b, 0, 10)) {
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return embedded(b, 12, "an IPv4-mapped IPv6 address");
            }
            if (allZero(b, 10, 15) && (b[15] & 0xff) <= 1) {
                return (b[15] & 0xff) == 1 ? LOOPBACK : UNSPECIFIED;
            }
            if (allZero(b, 10, 12)) {
                Block inner = embedded(b, 12, "an IPv4-compatible IPv6 address");
                return inner != null ? inner : new Block(Reason.RESERVED, "an IPv4-compatible IPv6 address (deprecated, ::/96)");
            }
            return new Block(Reason.RESERVED, "in the reserved range ::/8");
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int w2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) return embedded(b, 12, "a NAT64 address (64:ff9b::/96)");
        if (w0 == 0x0064 && w1 == 0xff9b && w2 == 0x0001) return new Block(Reason.PRIVATE, "a local-use NAT64 address (64:ff9b:1::/48)");
        if ((b[0] & 0xfe) == 0xfc) return new Block(Reason.PRIVATE, "a unique local address (fc00::/7)");
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) return new Block(Reason.LINK_LOCAL, "a link-local address (fe80::/10)");
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return new Block(Reason.PRIVATE, "a site-local address (fec0::/10)");
        if ((b[0] & 0xff) == 0xff) return new Block(Reason.MULTICAST, "a multicast address (ff00::/8)");
        if (w0 == 0x2001 && w1 == 0x0db8) return new Block(Reason.DOCUMENTATION, "a documentation address (2001:db8::/32)");
        if (w0 == 0x3fff && (w1 & 0xf000) == 0) return new Block(Reason.DOCUMENTATION, "a documentation address (3fff::/20)");
        if (w0 == 0x2001 && w1 == 0x0002 && w2 == 0) return new Block(Reason.BENCHMARK, "a benchmarking address (2001:2::/48)");
        if (w0 == 0x2001 && w1 < 0x0200) return new Block(Reason.RESERVED, "in 2001::/23 (IETF protocol assignments, incl. Teredo)");
        if (w0 == 0x2002) return embedded(b, 2, "a 6to4 address (2002::/16)");
        if ((b[0] & 0xe0) != 0x20) return new Block(Reason.RESERVED, "outside the global unicast range 2000::/3");
        return null;
    }

    /** The block of an IPv4 address carried inside an IPv6 one, worded to say it was embedded. */
    private static Block embedded(byte[] b, int offset, String wrapper) {
        Block inner = classifyV4(b, offset);
        if (inner == null) return null;
        String v4 = (b[offset] & 0xff) + "." + (b[offset + 1] & 0xff) + "." + (b[offset + 2] & 0xff) + "." + (b[offset + 3] & 0xff);
        return new Block(inner.reason(), wrapper + " embedding " + v4 + ", " + inner.description());
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }
}
