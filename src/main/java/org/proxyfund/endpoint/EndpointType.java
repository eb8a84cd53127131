package org.proxyfund.endpoint;

import java.util.Set;

/** The proxy and VPN protocols an operator can register, with the protocol fields each one needs. */
public enum EndpointType {
    MTPROTO("MTProto", Set.of(EndpointType.FAKE_TLS_DOMAIN), Set.of()),
    SOCKS5("SOCKS5", Set.of(), Set.of()),
    HTTP_CONNECT("HTTP CONNECT", Set.of(), Set.of()),
    SHADOWSOCKS("Shadowsocks", Set.of(EndpointType.CIPHER), Set.of(EndpointType.CIPHER)),
    WIREGUARD("WireGuard", Set.of(EndpointType.SERVER_PUBLIC_KEY), Set.of(EndpointType.SERVER_PUBLIC_KEY)),
    OPENVPN("OpenVPN", Set.of(EndpointType.TRANSPORT, EndpointType.TLS_AUTH_KEY, EndpointType.KEY_DIRECTION, EndpointType.AUTH_DIGEST,
            EndpointType.TLS_CRYPT_KEY),
            Set.of(EndpointType.TRANSPORT));

    /** Shadowsocks AEAD cipher name, e.g. {@code chacha20-ietf-poly1305}. */
    public static final String CIPHER = "cipher";
    /** WireGuard server's public key, base64 of 32 bytes. */
    public static final String SERVER_PUBLIC_KEY = "serverPublicKey";
    /** OpenVPN transport: {@code udp} or {@code tcp}. */
    public static final String TRANSPORT = "transport";
    /** OpenVPN {@code tls-auth} key: the "OpenVPN Static key V1" block the operator gives every client; optional. */
    public static final String TLS_AUTH_KEY = "tlsAuthKey";
    /** OpenVPN {@code tls-crypt} key ("OpenVPN Static key V1" block); optional, instead of {@link #TLS_AUTH_KEY}. */
    public static final String TLS_CRYPT_KEY = "tlsCryptKey";
    /** OpenVPN {@code key-direction} of a client for the tls-auth key: {@code 1} (default), {@code 0} or {@code none}. */
    public static final String KEY_DIRECTION = "keyDirection";
    /** OpenVPN {@code auth} digest for the tls-auth HMAC: {@code SHA1} (default), {@code SHA256}, {@code SHA384}, {@code SHA512}. */
    public static final String AUTH_DIGEST = "authDigest";
    /** MTProto fake-TLS domain (the SNI the proxy fronts); optional, enables the {@code ee} secret form. */
    public static final String FAKE_TLS_DOMAIN = "fakeTlsDomain";

    private final String label;
    private final Set<String> allowedFields;
    private final Set<String> requiredFields;

    EndpointType(String label, Set<String> allowedFields, Set<String> requiredFields) {
        this.label = label;
        this.allowedFields = allowedFields;
        this.requiredFields = requiredFields;
    }

    /** The protocol's own name as people write it (the same in every language), e.g. "HTTP CONNECT". */
    public String label() {
        return label;
    }

    /** The label of a stored type code (settlement lines, health rows keep the code); an unknown code as it is. */
    public static String labelOf(String code) {
        for (EndpointType t : values()) {
            if (t.name().equals(code)) {
                return t.label;
            }
        }
        return code;
    }

    /** Names of the protocol fields this type accepts. */
    public Set<String> allowedFields() {
        return allowedFields;
    }

    /** Names of the protocol fields this type cannot do without. */
    public Set<String> requiredFields() {
        return requiredFields;
    }
}
