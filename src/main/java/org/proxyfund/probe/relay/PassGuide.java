package org.proxyfund.probe.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.Canary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an endpoint must let through to pass its checks, for the endpoint page (its resource passes the list and
 * snippets to the template): the addresses relaying checks ask it to reach (the canary's, its alternates, the user
 * targets) and a copy-paste configuration per server kind with the issued credential, so an operator whose proxy
 * refuses our canary knows exactly what to allow. Handshake-only protocols (WireGuard, OpenVPN) relay nothing, so
 * they must allow nothing. Public for the endpoint page (dashboard/EndpointResource) and its API
 * (PassGuideApiResource).
 */
@ApplicationScoped
public class PassGuide {

    /** One copy-paste text: which server it is for ({@code kind}), where it goes ({@code file}) and the text. */
    public record Snippet(String kind, String file, String text) {
    }

    private final Canary canary;
    private final ProbeConfig probe;
    private final TelegramTargets targets;

    public PassGuide(Canary canary, ProbeConfig probe, TelegramTargets targets) {
        this.canary = canary;
        this.probe = probe;
        this.targets = targets;
    }

    /** host:port of every address a relaying check may ask the proxy to reach: canary, its alternates, user targets. */
    public List<String> mustAllow() {
        Set<String> all = new LinkedHashSet<>();
        all.add(hostPort(canary.publicHost(), canary.publicPort()));
        probe.canaryAlternates().ifPresent(all::addAll);
        for (UserTarget t : targets.all()) all.add(t.address());
        return List.copyOf(all);
    }

    /** Whether checks of this type ask the endpoint to relay (and so {@link #mustAllow()} applies). */
    public boolean relays(String type) {
        return switch (EndpointType.valueOf(type)) {
            case SOCKS5, HTTP_CONNECT, SHADOWSOCKS, MTPROTO -> true;
            case WIREGUARD, OPENVPN -> false;
        };
    }

    /** Snippets for the server kinds of this endpoint type, with the issued credential filled in. */
    public List<Snippet> snippets(String type, Map<String, String> credential, Map<String, String> fields, int port) {
        String user = credential.getOrDefault(MonitorCredential.USERNAME, "");
        String password = credential.getOrDefault(MonitorCredential.PASSWORD, "");
        List<Snippet> out = new ArrayList<>();
        switch (EndpointType.valueOf(type)) {
            case HTTP_CONNECT -> {
                out.add(new Snippet("squid", "shell", "printf '%s:%s\\n' '" + user + "' \"$(openssl passwd -apr1 '" + password
                        + "')\" > /etc/squid/proxyfund.passwd"));
                out.add(new Snippet("squid", "/etc/squid/conf.d/proxyfund.conf", squid()));
                out.add(new Snippet("tinyproxy", "/etc/tinyproxy/tinyproxy.conf", "# set these lines (replacing the same keys) and remove every Allow line: it admits only the listed clients\n"
                        + "Port " + port + "\nBasicAuth " + user + " " + password + "\nConnectPort 443\n" + lines("ConnectPort ", ports())));
            }
            case SOCKS5 -> {
                out.add(new Snippet("dante", "shell", "useradd -M -N -s /usr/sbin/nologin " + user + "\necho '" + user + ":" + password
                        + "' | chpasswd"));
                out.add(new Snippet("dante", "/etc/danted.conf", "internal: 0.0.0.0 port = " + port + "\n# the interface that reaches the internet\nexternal: eth0\n"
                        + "socksmethod: username\nclientmethod: none\nuser.privileged: root\nuser.unprivileged: nobody\n"
                        + "client pass { from: 0.0.0.0/0 to: 0.0.0.0/0 }\nsocks pass { from: 0.0.0.0/0 to: 0.0.0.0/0 command: connect }"));
                out.add(new Snippet("microsocks", "shell", "microsocks -i 0.0.0.0 -p " + port + " -u " + user + " -P " + password));
            }
            case SHADOWSOCKS -> out.add(new Snippet("ss-server", "shell", "ss-server -s 0.0.0.0 -p " + port + " -k '"
                    + password + "' -m " + fields.getOrDefault(EndpointType.CIPHER, "chacha20-ietf-poly1305")));
            case MTPROTO -> {
                String domain = fields.get(EndpointType.FAKE_TLS_DOMAIN);
                out.add(new Snippet("mtprotoproxy", "config.py", "PORT = " + port + "\nUSERS = {\"proxyfund\": \""
                        + credential.getOrDefault(MonitorCredential.SECRET, "") + "\"}\n"
                        + (domain == null || domain.isBlank() ? "MODES = {\"classic\": False, \"secure\": True, \"tls\": False}"
                        : "MODES = {\"classic\": False, \"secure\": False, \"tls\": True}\nTLS_DOMAIN = \"" + domain + "\"")));
            }
            case WIREGUARD, OPENVPN -> {
                // a handshake with the issued key is the whole check: nothing to relay, nothing to allow
            }
        }
        return out;
    }

    /**
     * squid: the issued credential only, and CONNECT to the ports we check (Debian's default refuses CONNECT to any
     * port but 443 before it reads conf.d; an acl named again is extended, so the earlier refusal sees the new ports).
     */
    private String squid() {
        String ports = String.join(" ", ports());
        return "# with squid's http_port set to the port you registered\n"
                + "auth_param basic program /usr/lib/squid/basic_ncsa_auth /etc/squid/proxyfund.passwd\n"
                + "auth_param basic realm proxyfund\n"
                + "acl proxyfund_users proxy_auth REQUIRED\n"
                + "acl SSL_ports port " + ports + "\n"
                + "acl Safe_ports port " + ports + "\n"
                + "http_access deny !proxyfund_users\n"
                + "http_access allow proxyfund_users";
    }

    private List<String> ports() {
        Set<String> ports = new LinkedHashSet<>();
        for (String address : mustAllow()) ports.add(address.substring(address.lastIndexOf(':') + 1));
        return List.copyOf(ports);
    }

    private static String lines(String prefix, List<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) b.append(prefix).append(v).append('\n');
        return b.toString().stripTrailing();
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
