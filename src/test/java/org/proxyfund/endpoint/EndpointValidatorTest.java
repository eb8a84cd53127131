package org.proxyfund.endpoint;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.proxyfund.common.validation.FieldError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Syntax validation of every endpoint type: a valid draft of each, and each invalid field on its own. */
@PlainLane
class EndpointValidatorTest {

    static final String WG_KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private final HostGuard guard = new HostGuard(new TestEndpointConfig());
    private final EndpointValidator validator = new EndpointValidator(guard);

    @AfterEach
    void close() {
        guard.close();
    }

    static Map<String, String> validFields(EndpointType type) {
        return switch (type) {
            case SHADOWSOCKS -> Map.of(EndpointType.CIPHER, "chacha20-ietf-poly1305");
            case WIREGUARD -> Map.of(EndpointType.SERVER_PUBLIC_KEY, WG_KEY);
            case OPENVPN -> Map.of(EndpointType.TRANSPORT, "udp");
            case MTPROTO -> Map.of(EndpointType.FAKE_TLS_DOMAIN, "www.example.com");
            default -> Map.of();
        };
    }

    static EndpointDraft valid(EndpointType type) {
        return new EndpointDraft(type, "proxy.example.org", 443, "RU", validFields(type));
    }

    private FieldError single(EndpointDraft draft) {
        List<FieldError> errors = validator.validate(draft);
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @ParameterizedTest
    @EnumSource(EndpointType.class)
    void shouldAcceptAWellFormedDraftOfEveryType(EndpointType type) {
        assertEquals(List.of(), validator.validate(valid(type)));
    }

    @ParameterizedTest
    @EnumSource(EndpointType.class)
    void shouldRefuseFieldsThatBelongToAnotherType(EndpointType type) {
        Map<String, String> fields = new HashMap<>(validFields(type));
        String foreign = type == EndpointType.OPENVPN ? EndpointType.CIPHER : EndpointType.TRANSPORT;
        fields.put(foreign, "udp");
        FieldError e = single(new EndpointDraft(type, "proxy.example.org", 443, "RU", fields));
        assertEquals("protocolFields." + foreign, e.field());
        assertEquals("endpoint.field.unknown", e.code());
    }

    @ParameterizedTest
    @CsvSource({"SHADOWSOCKS, cipher", "WIREGUARD, serverPublicKey", "OPENVPN, transport"})
    void shouldRequireTheProtocolFieldsOfEachType(EndpointType type, String field) {
        FieldError e = single(new EndpointDraft(type, "proxy.example.org", 443, "RU", Map.of()));
        assertEquals("protocolFields." + field, e.field());
        assertEquals("endpoint.field.required", e.code());
    }

    @ParameterizedTest
    @CsvSource({
            "SHADOWSOCKS, cipher, rc4-md5, endpoint.shadowsocks.cipher",
            "SHADOWSOCKS, cipher, aes-256-cfb, endpoint.shadowsocks.cipher",
            "WIREGUARD, serverPublicKey, not-a-key, endpoint.wireguard.public-key",
            "WIREGUARD, serverPublicKey, AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==, endpoint.wireguard.public-key",
            "WIREGUARD, serverPublicKey, xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg, endpoint.wireguard.public-key",
            "OPENVPN, transport, sctp, endpoint.openvpn.transport",
            "MTPROTO, fakeTlsDomain, 1.2.3.4, endpoint.mtproto.fake-tls-domain",
            "MTPROTO, fakeTlsDomain, bad_domain!, endpoint.mtproto.fake-tls-domain"
    })
    void shouldRefuseBadProtocolFieldValues(EndpointType type, String field, String value, String code) {
        FieldError e = single(new EndpointDraft(type, "proxy.example.org", 443, "RU", Map.of(field, value)));
        assertEquals("protocolFields." + field, e.field());
        assertEquals(code, e.code());
    }

    @Test
    void shouldTreatEmptyFormFieldsAsAbsent() {
        Map<String, String> form = new HashMap<>();
        form.put(EndpointType.FAKE_TLS_DOMAIN, "");
        assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.MTPROTO, "mt.example.org", 443, "RU", form)));
        form.put(EndpointType.FAKE_TLS_DOMAIN, null);
        assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.MTPROTO, "mt.example.org", 443, "RU", form)));
        Map<String, String> wg = new HashMap<>();
        wg.put(EndpointType.SERVER_PUBLIC_KEY, "  ");
        assertEquals("endpoint.field.required", single(new EndpointDraft(EndpointType.WIREGUARD, "wg.example.org", 51820, "RU", wg)).code());
    }

    @Test
    void shouldAcceptEveryCipherTheMonitorSpeaksInAnyCase() {
        for (String cipher : List.of("chacha20-ietf-poly1305", "AES-256-GCM", "aes-128-gcm")) {
            assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.SHADOWSOCKS, "ss.example.org", 8388, "IR",
                    Map.of(EndpointType.CIPHER, cipher))));
        }
        assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.OPENVPN, "vpn.example.org", 1194, "IR",
                Map.of(EndpointType.TRANSPORT, "TCP"))));
    }

    @ParameterizedTest
    @CsvSource({"0, endpoint.port.range", "65536, endpoint.port.range", "-1, endpoint.port.range"})
    void shouldRefusePortsOutOfRange(int port, String code) {
        FieldError e = single(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", port, "RU", Map.of()));
        assertEquals("port", e.field());
        assertEquals(code, e.code());
        assertTrue(e.message().contains(String.valueOf(port)));
    }

    @Test
    void shouldAcceptPortBounds() {
        assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", 1, "RU", Map.of())));
        assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", 65535, "RU", Map.of())));
        assertEquals("endpoint.port.required", single(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", null, "RU", Map.of())).code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "proxy.example.org", "a.b", "xn--80ak6aa92e.com", "прокси.рф", "PROXY.Example.ORG.", "203.0.113.5", "8.8.8.8",
            "2001:db8::1", "[2001:db8::1]", "::ffff:8.8.8.8", "a-b.c-d.example", "1host.example"})
    void shouldAcceptWellFormedHosts(String host) {
        assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.SOCKS5, host, 1080, "RU", Map.of())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "localhost|endpoint.host.bad-name", "-proxy.example.org|endpoint.host.bad-name", "proxy-.example.org|endpoint.host.bad-name",
            "proxy..example.org|endpoint.host.bad-name", "proxy_1.example.org|endpoint.host.bad-name", "proxy.example.123|endpoint.host.bad-name",
            "http://proxy.example.org|endpoint.host.bad-name", "proxy.example.org:8080|endpoint.host.bad-name", "pro xy.example.org|endpoint.host.bad-name",
            "256.1.1.1|endpoint.host.bad-ip", "1.2.3|endpoint.host.bad-ip", "127.1|endpoint.host.bad-ip", "0177.0.0.1|endpoint.host.bad-ip",
            "2130706433|endpoint.host.bad-ip", "2001:db8:::1|endpoint.host.bad-ip", "fe80::1%eth0|endpoint.host.bad-name",
            "[2001:db8::1|endpoint.host.bad-ip"})
    void shouldRefuseMalformedHosts(String host, String code) {
        FieldError e = single(new EndpointDraft(EndpointType.SOCKS5, host, 1080, "RU", Map.of()));
        assertEquals("host", e.field());
        assertEquals(code, e.code(), host);
    }

    @Test
    void shouldRefuseHostsThatAreTooLongOrMissing() {
        String label = "a".repeat(63);
        String longName = String.join(".", label, label, label, label) + ".org";
        assertEquals("endpoint.host.too-long", single(new EndpointDraft(EndpointType.SOCKS5, longName, 1080, "RU", Map.of())).code());
        String longLabel = "a".repeat(64) + ".org";
        assertEquals("endpoint.host.bad-name", single(new EndpointDraft(EndpointType.SOCKS5, longLabel, 1080, "RU", Map.of())).code());
        assertEquals("endpoint.host.required", single(new EndpointDraft(EndpointType.SOCKS5, " ", 1080, "RU", Map.of())).code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"|endpoint.region.required", "R|endpoint.region.bad-chars", "<b>RU</b>|endpoint.region.bad-chars"})
    void shouldRefuseBadRegions(String region, String code) {
        FieldError e = single(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", 1080, region, Map.of()));
        assertEquals("region", e.field());
        assertEquals(code, e.code());
    }

    @Test
    void shouldRefuseRegionsSpanningLines() {
        FieldError e = single(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", 1080, "Moscow\nSPb", Map.of()));
        assertEquals("endpoint.region.bad-chars", e.code());
    }

    @Test
    void shouldAcceptRegionCodesAndNamesInAnyScriptUpToTheLimit() {
        for (String region : List.of("RU", "IR-23", "Москва и область", "Tehran (north)", "x".repeat(64))) {
            assertEquals(List.of(), validator.validate(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", 1080, region, Map.of())), region);
        }
        assertEquals("endpoint.region.too-long",
                single(new EndpointDraft(EndpointType.SOCKS5, "proxy.example.org", 1080, "x".repeat(65), Map.of())).code());
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        List<FieldError> errors = validator.validate(new EndpointDraft(null, "", 0, "", Map.of()));
        assertEquals(List.of("type", "host", "port", "region"), errors.stream().map(FieldError::field).toList());
        FieldError tooLong = single(new EndpointDraft(EndpointType.MTPROTO, "proxy.example.org", 443, "RU",
                Map.of(EndpointType.FAKE_TLS_DOMAIN, "a".repeat(300))));
        assertEquals("endpoint.field.too-long", tooLong.code());
    }

    @Test
    void shouldAddTheGuardsRefusalWithTheResolvedAddressWhenAsked() {
        List<FieldError> errors = validator.validateAndGuard(new EndpointDraft(EndpointType.SOCKS5, "10.0.0.8", 1080, "RU", Map.of()));
        assertEquals(1, errors.size());
        assertEquals("endpoint.host.refused.private", errors.get(0).code());
        assertTrue(errors.get(0).message().contains("10.0.0.8"));
        List<FieldError> metadata = validator.validateAndGuard(new EndpointDraft(EndpointType.HTTP_CONNECT, "169.254.169.254", 80, "RU", Map.of()));
        assertEquals("endpoint.host.refused.link-local", metadata.get(0).code());
        assertEquals(List.of(), validator.validateAndGuard(new EndpointDraft(EndpointType.SOCKS5, "8.8.8.8", 1080, "RU", Map.of())));
    }

    @Test
    void shouldNormalizeHostsToOneCanonicalForm() {
        assertEquals("proxy.example.org", validator.normalize(new EndpointDraft(EndpointType.SOCKS5, " PROXY.Example.org. ", 1, "RU", Map.of())).host());
        assertEquals("xn--e1afmkfd.xn--80akhbyknj4f", validator.normalize(new EndpointDraft(EndpointType.SOCKS5, "пример.испытание", 1, "RU", Map.of())).host());
        assertEquals("2001:db8:0:0:0:0:0:1", validator.normalize(new EndpointDraft(EndpointType.SOCKS5, "[2001:DB8::1]", 1, "RU", Map.of())).host());
    }
}
