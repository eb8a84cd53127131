package org.proxyfund.endpoint;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/** The /24 (IPv4) or /48 (IPv6) an address belongs to: what "the same network" means for the admin flag. */
public final class Subnets {

    private Subnets() {
    }

    /** The prefix of the first address, e.g. {@code 203.0.113.0/24} or {@code 2001:db8:1::/48}; null when none. */
    public static String of(List<InetAddress> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return null;
        }
        byte[] b = addresses.get(0).getAddress();
        if (addresses.get(0) instanceof Inet4Address) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
    }
}
