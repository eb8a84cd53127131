package org.proxyfund.vantage.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a probe agent signs each request to the service and how the service checks it: Ed25519 (JDK) over the method,
 * path, agent id, timestamp, a random nonce and the SHA-256 of the body, so a request cannot be altered, replayed
 * outside the window, or sent by anyone without the agent's private key. Plain JDK: the agent program uses it too.
 */
public final class SignedRequest {

    /** The agent's id (the key id: the service holds one public key per agent). */
    public static final String AGENT = "X-PF-Agent";
    /** Milliseconds since the epoch when the request was signed. */
    public static final String TIMESTAMP = "X-PF-Timestamp";
    /** A random value the service accepts once per agent. */
    public static final String NONCE = "X-PF-Nonce";
    /** Base64 of the Ed25519 signature over {@link #canonical}. */
    public static final String SIGNATURE = "X-PF-Signature";

    private SignedRequest() {
    }

    /** The bytes signed: a version label, then each part on its own line, the body as its SHA-256 in hex. */
    public static byte[] canonical(String method, String path, long agentId, long timestampMillis, String nonce, byte[] body) {
        String text = "proxyfund-agent-v1\n" + method + "\n" + path + "\n" + agentId + "\n" + timestampMillis + "\n" + nonce
                + "\n" + HexFormat.of().formatHex(sha256(body));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs the canonical bytes with the agent's private key; Base64. */
    public static String sign(PrivateKey key, byte[] canonical) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(canonical);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** True when {@code signatureBase64} is the agent's signature of the canonical bytes; false for anything malformed. */
    public static boolean verify(byte[] publicKeyX509, byte[] canonical, String signatureBase64) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey(publicKeyX509));
            s.update(canonical);
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** An Ed25519 public key from its X.509 (SubjectPublicKeyInfo) encoding; throws for anything else. */
    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
            throw new GeneralSecurityException("not an Ed25519 key");
        }
        return key;
    }

    /** SHA-256 of the bytes. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
