package org.proxyfund.wallet;

import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptPattern;
import org.bitcoinj.wallet.Wallet;
import org.proxyfund.wallet.psbt.KeyOrigin;
import org.proxyfund.wallet.psbt.Psbt;
import org.proxyfund.wallet.psbt.PsbtWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an unsigned wallet transaction into a PSBT a signer can check on its own: per input the spent output (witness
 * UTXO) and the whole previous transaction (hardware wallets want it), and the key's BIP-32 origin; per change output
 * its origin, so the signer shows it as change rather than as a payment.
 */
final class PsbtMaker {

    /** A P2WPKH witness (72-byte signature with its sighash byte, 33-byte key, the item counts) in weight units. */
    private static final int P2WPKH_WITNESS_WEIGHT = 1 + 1 + 73 + 1 + 33;

    private PsbtMaker() {
    }

    /** Where the wallet's keys come from: the master key's fingerprint and the account's path below it. */
    record Origin(byte[] masterFingerprint, List<ChildNumber> accountPath) {
    }

    static PsbtResult.Proposal make(Wallet wallet, Transaction tx, int changeVout, Origin origin) {
        List<Psbt.Input> inputs = new ArrayList<>();
        for (TransactionInput in : tx.getInputs()) {
            TransactionOutput spent = in.getConnectedOutput();
            if (spent == null) {
                throw new IllegalStateException("input " + in.getOutpoint() + " is not one of the wallet's coins");
            }
            Transaction previous = spent.getParentTransaction();
            inputs.add(Psbt.Input.unsigned(previous == null ? null : previous.serialize(), spent.serialize(),
                    origins(wallet, spent.getScriptPubKey(), origin)));
        }
        List<Psbt.Output> outputs = new ArrayList<>();
        for (int i = 0; i < tx.getOutputs().size(); i++) {
            outputs.add(new Psbt.Output(i == changeVout ? origins(wallet, tx.getOutput(i).getScriptPubKey(), origin) : List.of()));
        }
        byte[] psbt = PsbtWriter.write(new Psbt(tx.serialize(), inputs, outputs));
        int weight = tx.serialize().length * 4 + 2 + P2WPKH_WITNESS_WEIGHT * tx.getInputs().size();
        return new PsbtResult.Proposal(tx.getTxId().toString(), psbt, tx.getFee().value, (weight + 3) / 4, changeVout);
    }

    /** The origin of the wallet key paying to {@code script}: empty for a script that is not the wallet's P2WPKH. */
    static List<KeyOrigin> origins(Wallet wallet, Script script, Origin origin) {
        if (!ScriptPattern.isP2WPKH(script)) {
            return List.of();
        }
        ECKey key = wallet.findKeyFromPubKeyHash(ScriptPattern.extractHashFromP2WH(script), ScriptType.P2WPKH);
        if (!(key instanceof DeterministicKey dk)) {
            return List.of();
        }
        List<ChildNumber> own = dk.getPath();
        List<Integer> path = new ArrayList<>();
        origin.accountPath().forEach(c -> path.add(c.i()));
        // The key's chain (receive 0, change 1) and index: the last two steps below the account.
        own.subList(own.size() - 2, own.size()).forEach(c -> path.add(c.i()));
        return List.of(new KeyOrigin(dk.getPubKey(), origin.masterFingerprint(), path));
    }
}
