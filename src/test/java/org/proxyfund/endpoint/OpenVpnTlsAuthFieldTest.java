package org.proxyfund.endpoint;

import org.proxyfund.common.testing.PlainLane;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.validation.FieldError;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional OpenVPN tls-auth/tls-crypt fields: the static key block as openvpn writes it, key direction and digest. */
@PlainLane
class OpenVpnTlsAuthFieldTest {

    private final HostGuard guard = new HostGuard(new TestEndpointConfig());
    private final EndpointValidator validator = new EndpointValidator(guard);
    private final byte[] key = new byte[OpenVpnStaticKey.KEY_BYTES];

    @AfterEach
    void close() {
        guard.close();
    }

    /** The text `openvpn --genkey secret` writes: comment lines, BEGIN, 16 lines of 32 hex digits, END. */
    private String genkeyText() {
        new SecureRandom().nextBytes(key);
        StringBuilder text = new StringBuilder("#\n# 2048 bit OpenVPN static key\n#\n-----BEGIN OpenVPN Static key V1-----\n");
        String hex = HexFormat.of().formatHex(key);
        for (int i = 0; i < hex.length(); i += 32) text.append(hex, i, i + 32).append("\r\n");
        return text.append("-----END OpenVPN Static key V1-----\n").toString();
    }

    private EndpointDraft draft(Map<String, String> fields) {
        return new EndpointDraft(EndpointType.OPENVPN, "vpn.example.org", 1194, "DE", fields);
    }

    @Test
    void shouldAcceptTheKeyAsOpenvpnWritesItAndStoreItWithoutCommentsWithinTheColumnLimit() throws Exception {
        EndpointDraft draft = draft(Map.of(EndpointType.TRANSPORT, "udp", EndpointType.TLS_AUTH_KEY, genkeyText(),
                EndpointType.KEY_DIRECTION, "1", EndpointType.AUTH_DIGEST, "sha-256"));
        assertEquals(List.of(), validator.validate(draft));
        Map<String, String> stored = validator.normalize(draft).protocolFields();
        String canonical = stored.get(EndpointType.TLS_AUTH_KEY);
        assertTrue(canonical.startsWith("-----BEGIN OpenVPN Static key V1-----\n") && !canonical.contains("#"), canonical);
        assertArrayEquals(key, OpenVpnStaticKey.parse(canonical).orElseThrow());
        assertEquals("SHA256", stored.get(EndpointType.AUTH_DIGEST));
        assertTrue(new ObjectMapper().writeValueAsString(stored).length() < 4000, "protocol_fields holds at most 4000 characters");
    }

    @Test
    void shouldRefuseAKeyThatIsCutShortWithAClearMessage() {
        String truncated = genkeyText().replaceFirst("(?s)(-----BEGIN[^\\n]*\\n[0-9a-f]{32}\\r\\n)[0-9a-f]{32}\\r\\n", "$1");
        FieldError error = single(draft(Map.of(EndpointType.TRANSPORT, "tcp", EndpointType.TLS_AUTH_KEY, truncated)));
        assertEquals("endpoint.openvpn.tls-auth-key", error.code());
        assertTrue(error.message().contains("16 lines of 32 hex digits"), error.message());
    }

    @Test
    void shouldRefuseSomethingElsePastedAsTheKey() {
        String certificate = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";
        assertEquals("endpoint.openvpn.tls-auth-key",
                single(draft(Map.of(EndpointType.TRANSPORT, "udp", EndpointType.TLS_AUTH_KEY, certificate))).code());
    }

    @Test
    void shouldRefuseDirectionOrDigestWithoutAKey() {
        assertEquals("endpoint.openvpn.needs-tls-auth-key",
                single(draft(Map.of(EndpointType.TRANSPORT, "udp", EndpointType.KEY_DIRECTION, "1"))).code());
    }

    @Test
    void shouldRefuseUnknownDirectionsAndDigests() {
        String key = genkeyText();
        assertEquals("endpoint.openvpn.key-direction",
                single(draft(Map.of(EndpointType.TRANSPORT, "udp", EndpointType.TLS_AUTH_KEY, key, EndpointType.KEY_DIRECTION, "2"))).code());
        assertEquals("endpoint.openvpn.auth-digest",
                single(draft(Map.of(EndpointType.TRANSPORT, "udp", EndpointType.TLS_AUTH_KEY, key, EndpointType.AUTH_DIGEST, "MD5"))).code());
    }

    @Test
    void shouldAcceptATlsCryptKeyButNotTogetherWithATlsAuthKey() {
        String key = genkeyText();
        assertEquals(List.of(), validator.validate(draft(Map.of(EndpointType.TRANSPORT, "udp", EndpointType.TLS_CRYPT_KEY, key))));
        assertEquals("endpoint.openvpn.tls-auth-and-crypt", single(draft(Map.of(EndpointType.TRANSPORT, "udp",
                EndpointType.TLS_CRYPT_KEY, key, EndpointType.TLS_AUTH_KEY, key))).code());
        assertEquals("endpoint.openvpn.tls-crypt-key",
                single(draft(Map.of(EndpointType.TRANSPORT, "udp", EndpointType.TLS_CRYPT_KEY, "not a key"))).code());
    }

    private FieldError single(EndpointDraft draft) {
        List<FieldError> errors = validator.validate(draft);
        assertEquals(1, errors.size(), errors::toString);
        return errors.getFirst();
    }
}
