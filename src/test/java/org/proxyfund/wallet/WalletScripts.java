package org.proxyfund.wallet;

import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.Script;
import org.bitcoinj.wallet.Wallet;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Checks a signed transaction with bitcoinj's script interpreter against the outputs it spends (witness included). */
final class WalletScripts {

    private WalletScripts() {
    }

    /** Throws ScriptException/AssertionError unless every input correctly spends its output; returns inputs checked. */
    static int verifyAllInputs(Wallet wallet, byte[] raw) {
        Transaction tx = Transaction.read(ByteBuffer.wrap(raw));
        for (int i = 0; i < tx.getInputs().size(); i++) {
            TransactionInput in = tx.getInput(i);
            Transaction prev = wallet.getTransaction(in.getOutpoint().hash());
            assertNotNull(prev, "spent transaction " + in.getOutpoint().hash() + " is not in the wallet");
            TransactionOutput spent = prev.getOutput(in.getOutpoint().index());
            in.getScriptSig().correctlySpends(tx, i, in.getWitness(), spent.getValue(), spent.getScriptPubKey(),
                    Script.ALL_VERIFY_FLAGS);
        }
        return tx.getInputs().size();
    }
}
