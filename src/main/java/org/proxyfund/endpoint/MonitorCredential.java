package org.proxyfund.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The credential the service issued for one endpoint: what the operator configures on the proxy, and what the
 * monitor uses to prove it. Every value is secret except where {@link #PUBLIC_KEYS} says otherwise; toString redacts.
 *
 * @param type   the endpoint's protocol
 * @param values named values, keys as the constants below
 */
public record MonitorCredential(EndpointType type, Map<String, String> values) {

    /** SOCKS5 / HTTP Basic user name. */
    public static final String USERNAME = "username";
    /** SOCKS5 / HTTP Basic / Shadowsocks password. */
    public static final String PASSWORD = "password";
    /** MTProto 16-byte secret, 32 hex digits. */
    public static final String SECRET = "secret";
    /** MTProto secret in the padded-intermediate form: dd + secret. */
    public static final String SECRET_DD = "secretDd";
    /** MTProto secret in the fake-TLS form: ee + secret + hex(domain); present when the draft named a domain. */
    public static final String SECRET_EE = "secretEe";
    /** tg://proxy link with the dd secret. */
    public static final String LINK_DD = "tgLinkDd";
    /** tg://proxy link with the ee secret. */
    public static final String LINK_EE = "tgLinkEe";
    /** Shadowsocks SIP002 URI (ss://…) for clients. */
    public static final String SS_URI = "ssUri";
    /** WireGuard: the monitor's private key (base64, 32 bytes); never shown to the operator. */
    public static final String MONITOR_PRIVATE_KEY = "monitorPrivateKey";
    /** WireGuard: the monitor's public key, which the operator adds as a [Peer]. */
    public static final String MONITOR_PUBLIC_KEY = "monitorPublicKey";
    /** OpenVPN: ownership token to publish. */
    public static final String OWNERSHIP_TOKEN = "ownershipToken";
    /** OpenVPN: the DNS name of the TXT record (_proxyfund.&lt;host&gt;); absent for IP hosts. */
    public static final String DNS_TXT_NAME = "dnsTxtName";
    /** OpenVPN: the URL at which the token may be published instead. */
    public static final String WELL_KNOWN_URL = "wellKnownUrl";

    /** Keys whose values are not secret (the OpenVPN token is meant to be published on the operator's host). */
    public static final Set<String> PUBLIC_KEYS = Set.of(MONITOR_PUBLIC_KEY, OWNERSHIP_TOKEN, DNS_TXT_NAME, WELL_KNOWN_URL);
    /** Keys only the monitor may see, never the operator's pages or API. */
    public static final Set<String> MONITOR_ONLY_KEYS = Set.of(MONITOR_PRIVATE_KEY);

    public MonitorCredential {
        Objects.requireNonNull(type, "type");
        values = Map.copyOf(values);
    }

    /** One value, if issued. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** What the operator's page shows: everything but the monitor-only values, in a stable order. */
    public Map<String, String> operatorView() {
        Map<String, String> view = new LinkedHashMap<>();
        values.keySet().stream().sorted().filter(k -> !MONITOR_ONLY_KEYS.contains(k)).forEach(k -> view.put(k, values.get(k)));
        return view;
    }

    /** A compact text form for storage; encrypt it with SecretCipher before it reaches the database. */
    public String encode() {
        StringBuilder out = new StringBuilder(type.name());
        values.keySet().stream().sorted().forEach(k -> out.append('\n').append(k).append('=')
                .append(Base64.getEncoder().encodeToString(values.get(k).getBytes(StandardCharsets.UTF_8))));
        return out.toString();
    }

    /** Reads the form written by {@link #encode()}. */
    public static MonitorCredential decode(String encoded) {
        String[] lines = encoded.split("\n");
        EndpointType type = EndpointType.valueOf(lines[0]);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("Malformed stored credential line " + i);
            values.put(lines[i].substring(0, eq),
                    new String(Base64.getDecoder().decode(lines[i].substring(eq + 1)), StandardCharsets.UTF_8));
        }
        return new MonitorCredential(type, values);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("MonitorCredential[type=" + type);
        values.keySet().stream().sorted().forEach(k -> out.append(", ").append(k).append('=')
                .append(PUBLIC_KEYS.contains(k) ? values.get(k) : "***"));
        return out.append(']').toString();
    }
}
