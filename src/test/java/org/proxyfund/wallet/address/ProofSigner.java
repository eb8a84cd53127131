package org.proxyfund.wallet.address;

import org.bitcoinj.base.Coin;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.crypto.internal.CryptoUtils;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.proxyfund.wallet.BitcoinNetwork;

import java.util.Base64;

/** Test helper: signs proofs the way wallets do, to build inputs for the verifier (never used by the service). */
final class ProofSigner {

    private ProofSigner() {
    }

    /** The P2SH-P2WPKH (3…/2…) address of a key. */
    static String p2shP2wpkhAddress(ECKey key, BitcoinNetwork network) {
        byte[] redeem = ScriptBuilder.createP2WPKHOutputScript(key).program();
        return LegacyAddress.fromScriptHash(network.bitcoinj(), CryptoUtils.sha256hash160(redeem)).toString();
    }

    private static final org.bouncycastle.asn1.x9.X9ECParameters CURVE =
            org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");

    /** The BIP-86 tweaked private key of a key-only taproot output, negated so that its point has an even y. */
    static java.math.BigInteger taprootTweakedKey(ECKey key) {
        java.math.BigInteger n = CURVE.getN();
        java.math.BigInteger d = key.getPrivKey();
        org.bouncycastle.math.ec.ECPoint p = CURVE.getG().multiply(d).normalize();
        if (p.getAffineYCoord().toBigInteger().testBit(0)) d = n.subtract(d);
        byte[] t = Schnorr.taggedHash("TapTweak", p.getAffineXCoord().getEncoded());
        java.math.BigInteger tweaked = d.add(new java.math.BigInteger(1, t)).mod(n);
        org.bouncycastle.math.ec.ECPoint q = CURVE.getG().multiply(tweaked).normalize();
        return q.getAffineYCoord().toBigInteger().testBit(0) ? n.subtract(tweaked) : tweaked;
    }

    /** The P2TR address (BIP-86, no script tree) of a key. */
    static String taprootAddress(ECKey key, BitcoinNetwork network) {
        byte[] x = CURVE.getG().multiply(taprootTweakedKey(key)).normalize().getAffineXCoord().getEncoded();
        return org.bitcoinj.base.SegwitAddress.fromProgram(network.bitcoinj(), 1, x).toBech32();
    }

    /** A BIP-340 signature with a random nonce (valid per the BIP, which allows any uniformly random k). */
    static byte[] schnorrSign(java.math.BigInteger d, byte[] msg) {
        java.math.BigInteger n = CURVE.getN();
        byte[] px = CURVE.getG().multiply(d).normalize().getAffineXCoord().getEncoded();
        java.math.BigInteger k = new ECKey().getPrivKey();
        org.bouncycastle.math.ec.ECPoint r = CURVE.getG().multiply(k).normalize();
        if (r.getAffineYCoord().toBigInteger().testBit(0)) k = n.subtract(k);
        byte[] rx = r.getAffineXCoord().getEncoded();
        byte[] challenge = java.nio.ByteBuffer.allocate(64 + msg.length).put(rx).put(px).put(msg).array();
        java.math.BigInteger e = new java.math.BigInteger(1, Schnorr.taggedHash("BIP0340/challenge", challenge)).mod(n);
        byte[] s = org.bitcoinj.base.internal.ByteUtils.bigIntegerToBytes(k.add(e.multiply(d)).mod(n), 32);
        return java.nio.ByteBuffer.allocate(64).put(rx).put(s).array();
    }

    /** A BIP-322 simple signature for the key's P2TR address, SIGHASH_DEFAULT (64 bytes) or SIGHASH_ALL (65). */
    static String bip322Taproot(ECKey key, BitcoinNetwork network, String message, boolean sighashAll) {
        org.bitcoinj.base.Address address = org.bitcoinj.base.SegwitAddress.fromBech32(taprootAddress(key, network), network.bitcoinj());
        Script scriptPubKey = ScriptBuilder.createOutputScript(address);
        Transaction toSign = Bip322Verifier.toSign(Bip322Verifier.toSpend(message, scriptPubKey), TransactionWitness.EMPTY);
        byte[] sig = schnorrSign(taprootTweakedKey(key), TaprootSighash.keyPath(toSign, scriptPubKey, sighashAll ? 1 : 0));
        if (sighashAll) sig = java.util.Arrays.copyOf(sig, 65);
        if (sighashAll) sig[64] = 0x01;
        return Base64.getEncoder().encodeToString(TransactionWitness.of(sig).serialize());
    }

    /** A BIP-322 simple signature for a P2WPKH address, built over the same virtual transactions as the BIP. */
    static String bip322(ECKey key, BitcoinNetwork network, String message) {
        Script scriptPubKey = ScriptBuilder.createOutputScript(key.toAddress(ScriptType.P2WPKH, network.bitcoinj()));
        Transaction toSpend = Bip322Verifier.toSpend(message, scriptPubKey);
        Transaction toSign = Bip322Verifier.toSign(toSpend, TransactionWitness.EMPTY);
        Script scriptCode = ScriptBuilder.createP2PKHOutputScript(key);
        TransactionSignature sig = toSign.calculateWitnessSignature(0, key, scriptCode, Coin.ZERO, Transaction.SigHash.ALL, false);
        TransactionWitness witness = TransactionWitness.redeemP2WPKH(sig, key);
        return Base64.getEncoder().encodeToString(witness.serialize());
    }
}
