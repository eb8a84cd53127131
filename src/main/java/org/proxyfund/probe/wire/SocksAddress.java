package org.proxyfund.probe.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * A target address as SOCKS5 encodes it (ATYP + address), which the Shadowsocks target address reuses. Public for
 * the socks5 and shadowsocks checkers.
 */
public final class SocksAddress {

    private SocksAddress() {
    }

    /** ATYP + address, as SOCKS5 CONNECT and the Shadowsocks target address both encode it. */
    public static void write(ByteArrayOutputStream request, String host) throws IOException {
        if (host.matches("[0-9.]+") || host.indexOf(':') >= 0) {
            // An IP literal: getByName parses it without asking DNS.
            byte[] ip = InetAddress.getByName(host).getAddress();
            request.write(ip.length == 4 ? 1 : 4);
            request.write(ip);
        } else {
            request.write(3);
            writeShortString(request, host.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A length byte and the value: how SOCKS5 writes names, user names and passwords. */
    public static void writeShortString(ByteArrayOutputStream out, byte[] value) throws IOException {
        if (value.length > 255) throw new IllegalArgumentException("SOCKS5 fields are at most 255 bytes");
        out.write(value.length);
        out.write(value);
    }
}
