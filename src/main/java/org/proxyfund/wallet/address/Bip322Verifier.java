package org.proxyfund.wallet.address;

import org.bitcoinj.base.Coin;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptError;
import org.bitcoinj.script.ScriptException;
import org.proxyfund.wallet.address.ProofResult.Reason;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.bitcoinj.script.ScriptOpCodes.OP_0;
import static org.bitcoinj.script.ScriptOpCodes.OP_RETURN;

/**
 * BIP-322 "simple" signatures for P2WPKH: the signature is the witness of the virtual to_sign transaction spending the
 * virtual to_spend transaction, whose scriptSig commits to the tagged hash of the message.
 */
final class Bip322Verifier {

    private static final byte[] TAG_HASH = Sha256Hash.hash("BIP0322-signed-message".getBytes(StandardCharsets.US_ASCII));

    private Bip322Verifier() {
    }

    /** The tagged message hash: SHA256(SHA256(tag) || SHA256(tag) || message). */
    static byte[] messageHash(String message) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(64 + msg.length).put(TAG_HASH).put(TAG_HASH).put(msg);
        return Sha256Hash.hash(buf.array());
    }

    /** The virtual to_spend transaction for this message and output script. */
    static Transaction toSpend(String message, Script scriptPubKey) {
        Transaction tx = new Transaction();
        tx.setVersion(0);
        tx.setLockTime(0);
        byte[] scriptSig = new ScriptBuilder().smallNum(0).data(messageHash(message)).build().program();
        tx.addInput(new TransactionInput(tx, scriptSig, new TransactionOutPoint(0xFFFFFFFFL, Sha256Hash.ZERO_HASH), 0L));
        tx.addOutput(Coin.ZERO, scriptPubKey);
        return tx;
    }

    /** The virtual to_sign transaction, carrying the witness under test. */
    static Transaction toSign(Transaction toSpend, TransactionWitness witness) {
        Transaction tx = new Transaction();
        tx.setVersion(0);
        tx.setLockTime(0);
        TransactionInput input = new TransactionInput(tx, new byte[0], new TransactionOutPoint(0, toSpend.getTxId()), 0L)
                .withWitness(witness);
        tx.addInput(input);
        tx.addOutput(Coin.ZERO, new ScriptBuilder().op(OP_RETURN).build());
        return tx;
    }

    /** Reads a BIP-322 simple signature (a serialized witness stack); null when it is not one. */
    static TransactionWitness readWitness(byte[] signature) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(signature);
            TransactionWitness witness = TransactionWitness.read(buf);
            return buf.hasRemaining() || witness.getPushCount() == 0 ? null : witness;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Verifies a P2TR key-path BIP-322 simple signature: a one-element witness holding a BIP-340 signature (64 bytes,
     * SIGHASH_DEFAULT, or 65 with SIGHASH_ALL) over the BIP-341 signature hash of to_sign, under the output key.
     */
    static ProofResult verifyP2tr(SegwitAddress address, String message, byte[] signature) {
        TransactionWitness witness = readWitness(signature);
        if (witness == null || witness.getPushCount() != 1) {
            return ProofResult.invalid(Reason.MALFORMED_SIGNATURE,
                    "A taproot proof must be a BIP-322 simple signature with one key-path signature (script-path proofs are not supported).");
        }
        byte[] sig = witness.getPush(0);
        int hashType;
        if (sig.length == 64) hashType = 0x00;
        else if (sig.length == 65 && (sig[64] & 0xff) == 0x01) hashType = 0x01;
        else return ProofResult.invalid(Reason.MALFORMED_SIGNATURE,
                    "The taproot signature must be 64 bytes (SIGHASH_DEFAULT) or 65 bytes ending in SIGHASH_ALL.");
        Script scriptPubKey = ScriptBuilder.createOutputScript(address);
        Transaction toSign = toSign(toSpend(message, scriptPubKey), witness);
        byte[] sighash = TaprootSighash.keyPath(toSign, scriptPubKey, hashType);
        if (Schnorr.verify(address.getWitnessProgram(), sighash, java.util.Arrays.copyOf(sig, 64))) {
            return ProofResult.valid(ProofResult.Format.BIP322_SIMPLE);
        }
        return ProofResult.invalid(Reason.WRONG_KEY, "The signature was not made with the key of this address over this message.");
    }

    /** Verifies a P2WPKH BIP-322 simple signature. */
    static ProofResult verifyP2wpkh(SegwitAddress address, String message, byte[] signature) {
        TransactionWitness witness = readWitness(signature);
        if (witness == null || witness.getPushCount() != 2 || witness.getPush(1).length != 33) {
            return ProofResult.invalid(Reason.MALFORMED_SIGNATURE,
                    "The signature is neither a 65-byte signed message nor a BIP-322 witness of a signature and a compressed public key.");
        }
        byte[] sig = witness.getPush(0);
        if (sig.length == 0 || (sig[sig.length - 1] & 0xff) != 0x01) {
            return ProofResult.invalid(Reason.MALFORMED_SIGNATURE, "The BIP-322 signature must use SIGHASH_ALL.");
        }
        Script scriptPubKey = ScriptBuilder.createOutputScript(address);
        Transaction toSign = toSign(toSpend(message, scriptPubKey), witness);
        try {
            scriptPubKey.correctlySpends(toSign, 0, witness, Coin.ZERO, scriptPubKey, Script.ALL_VERIFY_FLAGS);
            return ProofResult.valid(ProofResult.Format.BIP322_SIMPLE);
        } catch (ScriptException e) {
            if (e.getError() == ScriptError.SCRIPT_ERR_SIG_DER) {
                return ProofResult.invalid(Reason.MALFORMED_SIGNATURE, "The BIP-322 signature is not a valid DER signature.");
            }
            return ProofResult.invalid(Reason.WRONG_KEY, "The signature was not made with the key of this address over this message.");
        } catch (IllegalArgumentException e) {
            return ProofResult.invalid(Reason.MALFORMED_SIGNATURE, "The public key in the BIP-322 signature is not a valid point.");
        }
    }
}
