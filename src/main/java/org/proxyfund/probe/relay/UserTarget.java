package org.proxyfund.probe.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A place the endpoint's users need to reach, checked through the endpoint besides the canary: a Telegram data
 * centre, given as {@code host:port/dc} (e.g. {@code 149.154.167.51:443/2}); the DC id goes into the key exchange.
 *
 * @param host IP literal or name, as configured by the service (not by operators)
 * @param port TCP port
 * @param dc   Telegram data centre id
 */
public record UserTarget(String host, int port, short dc) {

    public UserTarget {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("a user target needs a host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("user target port out of range: " + port);
    }

    /** host:port as people write it. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Parses the configured list; the single entry {@code none} means no user targets. */
    public static List<UserTarget> parseAll(List<String> entries) {
        List<UserTarget> out = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.toLowerCase(Locale.ROOT).equals("none")) continue;
            out.add(parse(entry));
        }
        return List.copyOf(out);
    }

    /** One {@code host:port/dc}; IPv6 hosts in brackets. */
    public static UserTarget parse(String entry) {
        int slash = entry.lastIndexOf('/');
        int colon = entry.lastIndexOf(':', slash < 0 ? entry.length() : slash);
        if (slash < 0 || colon <= 0) {
            throw new IllegalArgumentException("proxyfund.probe.user-targets: not host:port/dc: " + entry);
        }
        String host = entry.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(entry.substring(colon + 1, slash));
        short dc = Short.parseShort(entry.substring(slash + 1));
        return new UserTarget(host, port, dc);
    }
}
