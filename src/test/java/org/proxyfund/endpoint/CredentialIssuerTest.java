package org.proxyfund.endpoint;

import org.proxyfund.common.testing.PlainLane;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The format of every issued credential, and that secrets stay out of toString. */
@PlainLane
class CredentialIssuerTest {

    private final CredentialIssuer issuer = new CredentialIssuer();

    private MonitorCredential issue(EndpointType type, String host, Map<String, String> fields) {
        return issuer.issue(type, new EndpointDraft(type, host, 443, "RU", fields));
    }

    @Test
    void shouldIssueSocksAndHttpUserPasswordPairsThatDifferEachTime() {
        for (EndpointType type : new EndpointType[]{EndpointType.SOCKS5, EndpointType.HTTP_CONNECT}) {
            MonitorCredential a = issue(type, "proxy.example.org", Map.of());
            MonitorCredential b = issue(type, "proxy.example.org", Map.of());
            String user = a.get(MonitorCredential.USERNAME).orElseThrow();
            String password = a.get(MonitorCredential.PASSWORD).orElseThrow();
            assertTrue(user.matches("pf-[a-z2-9]{12}"), user);
            assertTrue(password.matches("[A-Za-z2-9]{24}"), password);
            assertFalse(user.contains(":"), "HTTP Basic user names cannot hold a colon");
            assertNotEquals(password, b.get(MonitorCredential.PASSWORD).orElseThrow());
            assertNotEquals(user, b.get(MonitorCredential.USERNAME).orElseThrow());
        }
    }

    @Test
    void shouldIssueMtprotoSecretInDdAndFakeTlsEeFormsWithLinks() {
        MonitorCredential c = issue(EndpointType.MTPROTO, "mt.example.org", Map.of(EndpointType.FAKE_TLS_DOMAIN, "www.cloudflare.com"));
        String secret = c.get(MonitorCredential.SECRET).orElseThrow();
        assertTrue(secret.matches("[0-9a-f]{32}"), secret);
        assertEquals("dd" + secret, c.get(MonitorCredential.SECRET_DD).orElseThrow());
        String ee = c.get(MonitorCredential.SECRET_EE).orElseThrow();
        assertTrue(ee.startsWith("ee" + secret));
        byte[] domain = HexFormat.of().parseHex(ee.substring(34));
        assertEquals("www.cloudflare.com", new String(domain, StandardCharsets.US_ASCII));
        assertEquals("tg://proxy?server=mt.example.org&port=443&secret=dd" + secret, c.get(MonitorCredential.LINK_DD).orElseThrow());
        assertEquals("tg://proxy?server=mt.example.org&port=443&secret=" + ee, c.get(MonitorCredential.LINK_EE).orElseThrow());
    }

    @Test
    void shouldOmitTheEeFormWhenNoFakeTlsDomainIsGiven() {
        MonitorCredential c = issue(EndpointType.MTPROTO, "2001:db8::5", Map.of());
        assertTrue(c.get(MonitorCredential.SECRET_EE).isEmpty());
        assertTrue(c.get(MonitorCredential.LINK_DD).orElseThrow().startsWith("tg://proxy?server=2001%3Adb8%3A%3A5&port=443&secret=dd"));
    }

    @Test
    void shouldIssueShadowsocksPasswordAndSip002Uri() {
        MonitorCredential c = issue(EndpointType.SHADOWSOCKS, "ss.example.org", Map.of(EndpointType.CIPHER, "aes-256-gcm"));
        String password = c.get(MonitorCredential.PASSWORD).orElseThrow();
        assertEquals(32, password.length());
        String uri = c.get(MonitorCredential.SS_URI).orElseThrow();
        String userInfo = uri.substring("ss://".length(), uri.indexOf('@'));
        assertEquals("aes-256-gcm:" + password, new String(Base64.getUrlDecoder().decode(userInfo), StandardCharsets.UTF_8));
        assertTrue(uri.endsWith("@ss.example.org:443"), uri);
    }

    @Test
    void shouldIssueAWireguardKeyPairWhosePublicKeyDerivesFromThePrivateOne() {
        MonitorCredential c = issue(EndpointType.WIREGUARD, "wg.example.org", Map.of(EndpointType.SERVER_PUBLIC_KEY, EndpointValidatorTest.WG_KEY));
        String privB64 = c.get(MonitorCredential.MONITOR_PRIVATE_KEY).orElseThrow();
        String pubB64 = c.get(MonitorCredential.MONITOR_PUBLIC_KEY).orElseThrow();
        assertEquals(44, privB64.length());
        assertTrue(EndpointValidator.isWireGuardKey(pubB64), "the public key has the form operators paste into [Peer]");
        byte[] priv = Base64.getDecoder().decode(privB64);
        assertEquals(0, priv[0] & 7, "clamped scalar: low three bits clear");
        assertEquals(0x40, priv[31] & 0xc0, "clamped scalar: top bit clear, second bit set");
        byte[] derived = new byte[32];
        X25519.generatePublicKey(priv, 0, derived, 0);
        assertArrayEquals(derived, Base64.getDecoder().decode(pubB64));
        // and it agrees with Diffie-Hellman from the other side
        byte[] otherPriv = new byte[32];
        X25519.generatePrivateKey(new java.security.SecureRandom(), otherPriv);
        byte[] otherPub = new byte[32];
        X25519.generatePublicKey(otherPriv, 0, otherPub, 0);
        byte[] s1 = new byte[32], s2 = new byte[32];
        X25519.calculateAgreement(priv, 0, otherPub, 0, s1, 0);
        X25519.calculateAgreement(otherPriv, 0, derived, 0, s2, 0);
        assertArrayEquals(s1, s2);
        assertFalse(c.operatorView().containsKey(MonitorCredential.MONITOR_PRIVATE_KEY), "the operator never sees the monitor's private key");
        assertTrue(c.operatorView().containsKey(MonitorCredential.MONITOR_PUBLIC_KEY));
    }

    @Test
    void shouldIssueAnOpenvpnOwnershipTokenWithItsDnsNameAndUrl() {
        MonitorCredential c = issue(EndpointType.OPENVPN, "vpn.example.org", Map.of(EndpointType.TRANSPORT, "udp"));
        String token = c.get(MonitorCredential.OWNERSHIP_TOKEN).orElseThrow();
        assertTrue(token.matches("proxyfund-[0-9a-f]{32}"), token);
        assertEquals("_proxyfund.vpn.example.org", c.get(MonitorCredential.DNS_TXT_NAME).orElseThrow());
        assertEquals("http://vpn.example.org/.well-known/proxyfund/" + token, c.get(MonitorCredential.WELL_KNOWN_URL).orElseThrow());
        MonitorCredential v6 = issue(EndpointType.OPENVPN, "2001:db8::7", Map.of(EndpointType.TRANSPORT, "tcp"));
        assertTrue(v6.get(MonitorCredential.DNS_TXT_NAME).isEmpty(), "an IP host has no DNS name to hold a TXT record");
        assertTrue(v6.get(MonitorCredential.WELL_KNOWN_URL).orElseThrow().startsWith("http://[2001:db8::7]/.well-known/proxyfund/"));
    }

    @Test
    void shouldRedactSecretsInToStringAndRoundTripTheStoredForm() {
        for (EndpointType type : EndpointType.values()) {
            MonitorCredential c = issue(type, "p.example.org", EndpointValidatorTest.validFields(type));
            String text = c.toString();
            c.values().forEach((k, v) -> {
                if (!MonitorCredential.PUBLIC_KEYS.contains(k)) assertFalse(text.contains(v), type + " leaks " + k + ": " + text);
            });
            assertEquals(c, MonitorCredential.decode(c.encode()));
            assertTrue(Arrays.stream(c.encode().split("\n")).skip(1).allMatch(l -> l.matches("[A-Za-z]+=[A-Za-z0-9+/=]*")));
        }
    }
}
