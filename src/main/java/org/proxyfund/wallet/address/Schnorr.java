package org.proxyfund.wallet.address;

import org.bitcoinj.base.Sha256Hash;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** BIP-340 Schnorr signature verification over secp256k1 (x-only public keys), and BIP-340 tagged hashes. */
final class Schnorr {

    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
    private static final ECCurve CURVE = SECP256K1.getCurve();
    private static final ECPoint G = SECP256K1.getG();
    private static final BigInteger N = SECP256K1.getN();
    private static final BigInteger P = CURVE.getField().getCharacteristic();
    private static final BigInteger SEVEN = BigInteger.valueOf(7);
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

    private Schnorr() {
    }

    /** SHA256(SHA256(tag) || SHA256(tag) || data). */
    static byte[] taggedHash(String tag, byte[] data) {
        byte[] tagHash = Sha256Hash.hash(tag.getBytes(StandardCharsets.UTF_8));
        return Sha256Hash.hash(ByteBuffer.allocate(64 + data.length).put(tagHash).put(tagHash).put(data).array());
    }

    /** True when sig (64 bytes) is a valid BIP-340 signature of msg under the 32-byte x-only key. */
    static boolean verify(byte[] publicKey, byte[] msg, byte[] sig) {
        if (publicKey.length != 32 || sig.length != 64) return false;
        ECPoint p = liftX(new BigInteger(1, publicKey));
        if (p == null) return false;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        if (r.compareTo(P) >= 0 || s.compareTo(N) >= 0) return false;
        byte[] challenge = ByteBuffer.allocate(64 + msg.length).put(sig, 0, 32).put(publicKey).put(msg).array();
        BigInteger e = new BigInteger(1, taggedHash("BIP0340/challenge", challenge)).mod(N);
        ECPoint rPoint = ECAlgorithms.sumOfTwoMultiplies(G, s, p.negate(), e).normalize();
        if (rPoint.isInfinity()) return false;
        if (rPoint.getAffineYCoord().toBigInteger().testBit(0)) return false;
        return rPoint.getAffineXCoord().toBigInteger().equals(r);
    }

    /** The curve point with this x and an even y, or null when x is not on the curve. */
    private static ECPoint liftX(BigInteger x) {
        if (x.compareTo(P) >= 0) return null;
        BigInteger c = x.modPow(BigInteger.valueOf(3), P).add(SEVEN).mod(P);
        BigInteger y = c.modPow(SQRT_EXPONENT, P);
        if (!y.modPow(BigInteger.TWO, P).equals(c)) return null;
        return CURVE.createPoint(x, y.testBit(0) ? P.subtract(y) : y);
    }
}
