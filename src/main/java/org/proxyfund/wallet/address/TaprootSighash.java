package org.proxyfund.wallet.address;

import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.Script;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** BIP-341 signature hash for a key-path spend (no annex) of every input's single prevout; for BIP-322's to_sign. */
final class TaprootSighash {

    private TaprootSighash() {
    }

    /**
     * The BIP-341 sighash of input 0 of tx, which spends an output of value 0 with the given script, for hash type
     * SIGHASH_DEFAULT (0x00) or SIGHASH_ALL (0x01).
     */
    static byte[] keyPath(Transaction tx, Script spentScript, int hashType) {
        if (hashType != 0x00 && hashType != 0x01) throw new IllegalArgumentException("hash type " + hashType);
        if (tx.getInputs().size() != 1) throw new IllegalArgumentException("one input expected");
        ByteArrayOutputStream prevouts = new ByteArrayOutputStream();
        ByteArrayOutputStream amounts = new ByteArrayOutputStream();
        ByteArrayOutputStream scripts = new ByteArrayOutputStream();
        ByteArrayOutputStream sequences = new ByteArrayOutputStream();
        for (TransactionInput input : tx.getInputs()) {
            prevouts.writeBytes(input.getOutpoint().serialize());
            amounts.writeBytes(le64(Coin.ZERO.value));
            byte[] program = spentScript.program();
            scripts.writeBytes(VarInt.of(program.length).serialize());
            scripts.writeBytes(program);
            sequences.writeBytes(le32(input.getSequenceNumber()));
        }
        ByteArrayOutputStream outputs = new ByteArrayOutputStream();
        for (TransactionOutput output : tx.getOutputs()) outputs.writeBytes(output.serialize());

        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.write(0x00); // epoch
        msg.write(hashType);
        msg.writeBytes(le32(tx.getVersion()));
        msg.writeBytes(le32(tx.lockTime().rawValue()));
        msg.writeBytes(Sha256Hash.hash(prevouts.toByteArray()));
        msg.writeBytes(Sha256Hash.hash(amounts.toByteArray()));
        msg.writeBytes(Sha256Hash.hash(scripts.toByteArray()));
        msg.writeBytes(Sha256Hash.hash(sequences.toByteArray()));
        msg.writeBytes(Sha256Hash.hash(outputs.toByteArray()));
        msg.write(0x00); // spend type: key path, no annex
        msg.writeBytes(le32(0)); // input index
        return Schnorr.taggedHash("TapSighash", msg.toByteArray());
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }
}
