package org.proxyfund.probe.mtproto;

import org.bouncycastle.asn1.pkcs.RSAPublicKey;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * One of Telegram's server RSA public keys, which only Telegram can decrypt to; its fingerprint is the low 64 bits
 * of SHA-1 over the TL serialisation {@code rsa_public_key n:string e:string}. Public for relay/ (TelegramTargets holds
 * the configured keys, TelegramProof checks a data centre's answer against them).
 *
 * @param modulus     n
 * @param exponent    e
 * @param fingerprint as listed in resPQ
 */
public record TelegramRsaKey(BigInteger modulus, BigInteger exponent, long fingerprint) {

    /** A key from the base64 of its PKCS#1 DER (the body of a "BEGIN RSA PUBLIC KEY" PEM; headers and spaces allowed). */
    public static TelegramRsaKey fromPkcs1(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key = RSAPublicKey.getInstance(Base64.getDecoder().decode(body));
        return of(key.getModulus(), key.getPublicExponent());
    }

    /** A key from its numbers, with the fingerprint computed. */
    public static TelegramRsaKey of(BigInteger modulus, BigInteger exponent) {
        TlWriter tl = new TlWriter().bytes(unsigned(modulus)).bytes(unsigned(exponent));
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(tl.toByteArray());
            long fingerprint = 0;
            for (int i = 0; i < 8; i++) fingerprint |= (long) (sha1[12 + i] & 0xFF) << (8 * i);
            return new TelegramRsaKey(modulus, exponent, fingerprint);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    /** Big-endian magnitude without a sign byte. */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
