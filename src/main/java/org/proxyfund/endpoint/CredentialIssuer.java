package org.proxyfund.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.math.ec.rfc7748.X25519;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Issues the per-endpoint credential that proves control: only whoever configures it on the proxy can pass the check. */
@ApplicationScoped
public class CredentialIssuer {

    private static final char[] ALPHANUMERIC = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final char[] LOWER = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** A fresh credential for an endpoint of this type; the draft supplies host, port and protocol fields. */
    public MonitorCredential issue(EndpointType type, EndpointDraft draft) {
        Map<String, String> v = new LinkedHashMap<>();
        switch (type) {
            case SOCKS5, HTTP_CONNECT -> {
                v.put(MonitorCredential.USERNAME, "pf-" + randomText(LOWER, 12));
                v.put(MonitorCredential.PASSWORD, randomText(ALPHANUMERIC, 24));
            }
            case MTPROTO -> mtproto(draft, v);
            case SHADOWSOCKS -> {
                String password = randomText(ALPHANUMERIC, 32);
                v.put(MonitorCredential.PASSWORD, password);
                String cipher = draft.field(EndpointType.CIPHER);
                if (cipher != null) {
                    String userInfo = Base64.getUrlEncoder().withoutPadding()
                            .encodeToString((cipher + ":" + password).getBytes(StandardCharsets.UTF_8));
                    v.put(MonitorCredential.SS_URI, "ss://" + userInfo + "@" + hostForUri(draft.host()) + ":" + draft.port());
                }
            }
            case WIREGUARD -> {
                byte[] priv = new byte[X25519.SCALAR_SIZE];
                X25519.generatePrivateKey(random, priv);
                byte[] pub = new byte[X25519.POINT_SIZE];
                X25519.generatePublicKey(priv, 0, pub, 0);
                v.put(MonitorCredential.MONITOR_PRIVATE_KEY, Base64.getEncoder().encodeToString(priv));
                v.put(MonitorCredential.MONITOR_PUBLIC_KEY, Base64.getEncoder().encodeToString(pub));
            }
            case OPENVPN -> {
                String token = "proxyfund-" + HexFormat.of().formatHex(randomBytes(16));
                v.put(MonitorCredential.OWNERSHIP_TOKEN, token);
                if (!IpLiterals.looksLikeLiteral(draft.host())) {
                    v.put(MonitorCredential.DNS_TXT_NAME, OwnershipTokenVerifier.txtName(draft.host()));
                }
                v.put(MonitorCredential.WELL_KNOWN_URL, OwnershipTokenVerifier.wellKnownUrl(draft.host(), 80, token));
            }
        }
        return new MonitorCredential(type, v);
    }

    private void mtproto(EndpointDraft draft, Map<String, String> v) {
        String secret = HexFormat.of().formatHex(randomBytes(16));
        v.put(MonitorCredential.SECRET, secret);
        v.put(MonitorCredential.SECRET_DD, "dd" + secret);
        v.put(MonitorCredential.LINK_DD, tgLink(draft, "dd" + secret));
        String domain = draft.field(EndpointType.FAKE_TLS_DOMAIN);
        if (domain != null && !domain.isBlank()) {
            String ee = "ee" + secret + HexFormat.of().formatHex(domain.trim().getBytes(StandardCharsets.US_ASCII));
            v.put(MonitorCredential.SECRET_EE, ee);
            v.put(MonitorCredential.LINK_EE, tgLink(draft, ee));
        }
    }

    private static String tgLink(EndpointDraft draft, String secret) {
        return "tg://proxy?server=" + URLEncoder.encode(IpLiterals.stripBrackets(draft.host()), StandardCharsets.UTF_8)
                + "&port=" + draft.port() + "&secret=" + secret;
    }

    static String hostForUri(String host) {
        String h = IpLiterals.stripBrackets(host);
        return h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String randomText(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = alphabet[random.nextInt(alphabet.length)];
        return new String(out);
    }
}
