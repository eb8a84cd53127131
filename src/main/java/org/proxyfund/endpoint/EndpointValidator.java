package org.proxyfund.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import org.proxyfund.common.validation.FieldError;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an endpoint draft's syntax field by field (type, host, port, region, protocol fields) with clear messages.
 * Network checks are separate: {@link #validateAndGuard} adds the SSRF guard's verdict on the host.
 */
@ApplicationScoped
public class EndpointValidator {

    /** Shadowsocks ciphers the monitor can speak. */
    public static final Set<String> SHADOWSOCKS_CIPHERS = Set.of("chacha20-ietf-poly1305", "aes-256-gcm", "aes-128-gcm");
    /** OpenVPN transports. */
    public static final Set<String> OPENVPN_TRANSPORTS = Set.of("udp", "tcp");
    /** OpenVPN client key directions for tls-auth ({@code none}: the server's tls-auth has no direction). */
    public static final Set<String> OPENVPN_KEY_DIRECTIONS = Set.of("0", "1", "none");
    /** OpenVPN {@code auth} digests the monitor can use for tls-auth. */
    public static final Set<String> OPENVPN_AUTH_DIGESTS = Set.of("SHA1", "SHA256", "SHA384", "SHA512");
    public static final int MAX_REGION_LENGTH = 64;
    public static final int MAX_FIELD_LENGTH = 256;
    private static final Pattern REGION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .,'()/_-]*");

    private final HostGuard hostGuard;

    public EndpointValidator(HostGuard hostGuard) {
        this.hostGuard = hostGuard;
    }

    /** Every syntax problem in the draft; empty when it is well-formed. Does no network I/O. */
    public List<FieldError> validate(EndpointDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.type() == null) {
            errors.add(new FieldError("type", "endpoint.type.required", "Choose the protocol of the endpoint."));
        }
        checkHost(draft.host(), errors);
        checkPort(draft.port(), errors);
        checkRegion(draft.region(), errors);
        if (draft.type() != null) checkProtocolFields(draft.type(), draft.protocolFields(), errors);
        return errors;
    }

    /** {@link #validate}, then (when the host is well-formed) the SSRF guard: DNS lookup and address ranges. */
    public List<FieldError> validateAndGuard(EndpointDraft draft) {
        List<FieldError> errors = validate(draft);
        if (errors.stream().noneMatch(e -> e.field().equals("host"))) {
            HostVerdict verdict = hostGuard.check(draft.host());
            if (!verdict.allowed()) {
                errors.add(new FieldError("host", "endpoint.host.refused." + verdict.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        verdict.message()));
            }
        }
        return errors;
    }

    /** The draft with its host in canonical form and region trimmed; call after {@link #validate} found nothing. */
    public EndpointDraft normalize(EndpointDraft draft) {
        String host = HostSyntax.normalize(draft.host()).orElse(draft.host());
        String region = draft.region() == null ? null : draft.region().trim();
        Map<String, String> fields = new java.util.HashMap<>();
        draft.protocolFields().forEach((k, v) -> fields.put(k, v == null ? null : v.trim()));
        if (fields.containsKey(EndpointType.CIPHER)) fields.put(EndpointType.CIPHER, fields.get(EndpointType.CIPHER).toLowerCase(java.util.Locale.ROOT));
        if (fields.containsKey(EndpointType.TRANSPORT)) fields.put(EndpointType.TRANSPORT, fields.get(EndpointType.TRANSPORT).toLowerCase(java.util.Locale.ROOT));
        if (fields.containsKey(EndpointType.KEY_DIRECTION)) fields.put(EndpointType.KEY_DIRECTION, fields.get(EndpointType.KEY_DIRECTION).toLowerCase(java.util.Locale.ROOT));
        if (fields.containsKey(EndpointType.AUTH_DIGEST)) fields.put(EndpointType.AUTH_DIGEST, fields.get(EndpointType.AUTH_DIGEST).toUpperCase(java.util.Locale.ROOT).replace("-", ""));
        for (String name : List.of(EndpointType.TLS_AUTH_KEY, EndpointType.TLS_CRYPT_KEY)) {
            // Stored without openvpn's comment lines, so the fields stay well inside protocol_fields' 4000 characters.
            if (fields.get(name) != null) OpenVpnStaticKey.parse(fields.get(name)).ifPresent(key -> fields.put(name, OpenVpnStaticKey.canonical(key)));
        }
        if (fields.containsKey(EndpointType.FAKE_TLS_DOMAIN)) {
            fields.put(EndpointType.FAKE_TLS_DOMAIN, HostSyntax.normalize(fields.get(EndpointType.FAKE_TLS_DOMAIN)).orElse(fields.get(EndpointType.FAKE_TLS_DOMAIN)));
        }
        return new EndpointDraft(draft.type(), host, draft.port(), region, fields);
    }

    private static void checkHost(String host, List<FieldError> errors) {
        if (host == null || host.isBlank()) {
            errors.add(new FieldError("host", "endpoint.host.required", "Enter the host: a DNS name or an IP address."));
        } else if (host.trim().length() > HostSyntax.MAX_NAME_LENGTH) {
            errors.add(new FieldError("host", "endpoint.host.too-long",
                    "The host is longer than " + HostSyntax.MAX_NAME_LENGTH + " characters."));
        } else if (HostSyntax.normalize(host).isEmpty()) {
            errors.add(IpLiterals.looksLikeLiteral(host)
                    ? new FieldError("host", "endpoint.host.bad-ip",
                    "The host is not a valid IP address: IPv4 needs four numbers 0-255 without leading zeros (203.0.113.5), IPv6 the usual form (2001:db8::1).")
                    : new FieldError("host", "endpoint.host.bad-name",
                    "The host is not a valid DNS name: use letters, digits and hyphens in dot-separated labels of at most 63 characters, with at least one dot (proxy.example.org)."));
        }
    }

    private static void checkPort(Integer port, List<FieldError> errors) {
        if (port == null) {
            errors.add(new FieldError("port", "endpoint.port.required", "Enter the port (1-65535)."));
        } else if (port < 1 || port > 65535) {
            errors.add(new FieldError("port", "endpoint.port.range", "The port must be between 1 and 65535, not " + port + "."));
        }
    }

    private static void checkRegion(String region, List<FieldError> errors) {
        if (region == null || region.isBlank()) {
            errors.add(new FieldError("region", "endpoint.region.required", "Enter the region you serve: a country code or a name."));
        } else if (region.trim().length() > MAX_REGION_LENGTH) {
            errors.add(new FieldError("region", "endpoint.region.too-long",
                    "The region is longer than " + MAX_REGION_LENGTH + " characters."));
        } else if (region.trim().length() < 2 || !REGION.matcher(region.trim()).matches()) {
            errors.add(new FieldError("region", "endpoint.region.bad-chars",
                    "The region needs at least two characters: letters, digits, spaces and . , ' ( ) / _ - only."));
        }
    }

    private static void checkProtocolFields(EndpointType type, Map<String, String> fields, List<FieldError> errors) {
        for (String name : fields.keySet()) {
            if (!type.allowedFields().contains(name)) {
                errors.add(new FieldError("protocolFields." + name, "endpoint.field.unknown",
                        "The field " + name + " does not apply to " + type + " endpoints."));
            }
        }
        for (String name : type.requiredFields()) {
            String value = fields.get(name);
            if (value == null || value.isBlank()) {
                errors.add(new FieldError("protocolFields." + name, "endpoint.field.required", "Enter the " + name + " of the " + type + " endpoint."));
            }
        }
        boolean tlsAuth = fields.get(EndpointType.TLS_AUTH_KEY) != null && !fields.get(EndpointType.TLS_AUTH_KEY).isBlank();
        if (tlsAuth && fields.get(EndpointType.TLS_CRYPT_KEY) != null && !fields.get(EndpointType.TLS_CRYPT_KEY).isBlank()) {
            errors.add(new FieldError("protocolFields." + EndpointType.TLS_CRYPT_KEY, "endpoint.openvpn.tls-auth-and-crypt",
                    "Give either the tls-auth key or the tls-crypt key, as your server uses one or the other, not both."));
        }
        for (String name : List.of(EndpointType.KEY_DIRECTION, EndpointType.AUTH_DIGEST)) {
            if (type == EndpointType.OPENVPN && !tlsAuth && fields.get(name) != null && !fields.get(name).isBlank()) {
                errors.add(new FieldError("protocolFields." + name, "endpoint.openvpn.needs-tls-auth-key",
                        "The " + name + " applies only together with a tls-auth key (tlsAuthKey)."));
            }
        }
        fields.forEach((name, value) -> {
            boolean staticKey = EndpointType.TLS_AUTH_KEY.equals(name) || EndpointType.TLS_CRYPT_KEY.equals(name);
            int max = staticKey ? OpenVpnStaticKey.MAX_TEXT_LENGTH : MAX_FIELD_LENGTH;
            if (value != null && value.length() > max) {
                errors.add(new FieldError("protocolFields." + name, "endpoint.field.too-long",
                        "The " + name + " is longer than " + max + " characters."));
            } else if (value != null && !value.isBlank() && type.allowedFields().contains(name)) {
                checkFieldValue(name, value.trim(), errors);
            }
        });
    }

    private static void checkFieldValue(String name, String value, List<FieldError> errors) {
        String field = "protocolFields." + name;
        switch (name) {
            case EndpointType.CIPHER -> {
                if (!SHADOWSOCKS_CIPHERS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
                    errors.add(new FieldError(field, "endpoint.shadowsocks.cipher",
                            "The Shadowsocks cipher must be one the monitor can check: chacha20-ietf-poly1305, aes-256-gcm or aes-128-gcm."));
                }
            }
            case EndpointType.SERVER_PUBLIC_KEY -> {
                if (!isWireGuardKey(value)) {
                    errors.add(new FieldError(field, "endpoint.wireguard.public-key",
                            "The WireGuard public key must be 44 characters of base64 encoding 32 bytes (as printed by wg pubkey)."));
                }
            }
            case EndpointType.TRANSPORT -> {
                if (!OPENVPN_TRANSPORTS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
                    errors.add(new FieldError(field, "endpoint.openvpn.transport", "The OpenVPN transport must be udp or tcp."));
                }
            }
            case EndpointType.TLS_AUTH_KEY, EndpointType.TLS_CRYPT_KEY -> {
                if (OpenVpnStaticKey.parse(value).isEmpty()) {
                    String which = EndpointType.TLS_AUTH_KEY.equals(name) ? "tls-auth" : "tls-crypt";
                    String code = EndpointType.TLS_AUTH_KEY.equals(name) ? "endpoint.openvpn.tls-auth-key" : "endpoint.openvpn.tls-crypt-key";
                    errors.add(new FieldError(field, code,
                            "The " + which + " key must be the whole \"OpenVPN Static key V1\" block as openvpn --genkey secret writes it: "
                                    + "the BEGIN line, 16 lines of 32 hex digits (256 bytes) and the END line."));
                }
            }
            case EndpointType.KEY_DIRECTION -> {
                if (!OPENVPN_KEY_DIRECTIONS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
                    errors.add(new FieldError(field, "endpoint.openvpn.key-direction",
                            "The key direction must be 1 (what clients use when the server has tls-auth ... 0), 0, or none (the server's tls-auth has no direction)."));
                }
            }
            case EndpointType.AUTH_DIGEST -> {
                if (!OPENVPN_AUTH_DIGESTS.contains(value.toUpperCase(java.util.Locale.ROOT).replace("-", ""))) {
                    errors.add(new FieldError(field, "endpoint.openvpn.auth-digest",
                            "The auth digest must be SHA1, SHA256, SHA384 or SHA512 (the server's auth option; SHA1 when it has none)."));
                }
            }
            case EndpointType.FAKE_TLS_DOMAIN -> {
                if (IpLiterals.looksLikeLiteral(value) || HostSyntax.normalize(value).isEmpty()) {
                    errors.add(new FieldError(field, "endpoint.mtproto.fake-tls-domain",
                            "The fake-TLS domain must be a DNS name such as www.example.com (the SNI your MTProto proxy fronts)."));
                }
            }
            default -> { }
        }
    }

    /** True when the text is standard base64 (with padding) of exactly 32 bytes. */
    static boolean isWireGuardKey(String value) {
        if (value.length() != 44 || !value.endsWith("=")) return false;
        try {
            return Base64.getDecoder().decode(value).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
