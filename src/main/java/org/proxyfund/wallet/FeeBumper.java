package org.proxyfund.wallet;

import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.crypto.AesKey;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptPattern;
import org.bitcoinj.wallet.Wallet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces a signed wallet transaction by one paying a higher fee (BIP125): the same inputs, the same payment
 * outputs in the same order, the fee taken from the change, and more wallet coins added when the change cannot
 * pay it. Signs only; never broadcasts or commits.
 */
final class FeeBumper {

    /** BIP125 rule 4: the replacement pays for its own size at the incremental relay rate on top of the old fee. */
    static final long INCREMENTAL_RELAY_SAT_PER_VB = 1;

    private FeeBumper() {
    }

    static BumpResult bump(Wallet wallet, byte[] originalRaw, long satPerVb, AesKey aesKey, int minConfirmations) {
        Transaction original = Transaction.read(ByteBuffer.wrap(originalRaw));
        Transaction known = wallet.getTransaction(original.getTxId());
        if (known != null && WalletViews.depth(known) > 0) {
            return new BumpResult.CannotBump("transaction " + original.getTxId() + " is already confirmed");
        }
        List<TransactionOutput> spent = new ArrayList<>();
        for (TransactionInput in : original.getInputs()) {
            TransactionOutPoint op = in.getOutpoint();
            Transaction prev = wallet.getTransaction(op.hash());
            if (prev == null || op.index() >= prev.getOutputs().size() || !prev.getOutput(op.index()).isMine(wallet)) {
                return new BumpResult.CannotBump("input " + op + " does not spend a coin of this wallet");
            }
            spent.add(prev.getOutput(op.index()));
        }
        long inSum = spent.stream().mapToLong(o -> o.getValue().value).sum();
        long originalFee = inSum - original.getOutputSum().value;
        int changeIndex = changeIndex(wallet, original);
        List<TransactionOutput> payments = new ArrayList<>(original.getOutputs());
        Script changeScript = changeIndex >= 0 ? payments.remove(changeIndex).getScriptPubKey()
                : ScriptBuilder.createOutputScript(wallet.currentChangeAddress());
        long paySum = payments.stream().mapToLong(o -> o.getValue().value).sum();
        if (satPerVb * original.getVsize() <= originalFee) {
            return new BumpResult.CannotBump("a fee rate of " + satPerVb + " sat/vB does not raise the original fee of "
                    + originalFee + " sats for " + original.getVsize() + " vB");
        }
        long changeDustLimit = new Transaction().addOutput(Coin.ZERO, changeScript).getMinNonDustValue().value;
        List<TransactionOutput> extra = extraCoins(wallet, original, minConfirmations);
        List<TransactionOutput> inputs = new ArrayList<>(spent);
        long available = inSum;
        while (true) {
            Transaction tx = assemble(wallet, inputs, payments, changeScript, available - paySum, aesKey);
            // Signatures vary by a byte, so size, price and re-sign until the fee covers the signed size.
            for (int attempt = 0; attempt < 3; attempt++) {
                long fee = feeFor(tx.getVsize(), satPerVb, originalFee);
                long change = available - paySum - fee;
                if (change >= changeDustLimit) {
                    tx = assemble(wallet, inputs, payments, changeScript, change, aesKey);
                    if (feeFor(tx.getVsize(), satPerVb, originalFee) <= fee) {
                        return bumped(tx, payments.size(), original, originalFee);
                    }
                    continue;
                }
                // No change output worth keeping: everything above the payments is fee, if that is enough.
                Transaction noChange = assemble(wallet, inputs, payments, null, 0, aesKey);
                if (available - paySum >= feeFor(noChange.getVsize(), satPerVb, originalFee)) {
                    return bumped(noChange, -1, original, originalFee);
                }
                break;
            }
            if (extra.isEmpty()) {
                long needed = feeFor(tx.getVsize(), satPerVb, originalFee);
                return new BumpResult.InsufficientFunds(Math.max(1, paySum + needed - available));
            }
            TransactionOutput more = extra.remove(0);
            inputs.add(more);
            available += more.getValue().value;
        }
    }

    private static long feeFor(int vsize, long satPerVb, long originalFee) {
        return Math.max(satPerVb * vsize, originalFee + INCREMENTAL_RELAY_SAT_PER_VB * vsize);
    }

    private static BumpResult bumped(Transaction tx, int changeVout, Transaction original, long originalFee) {
        return new BumpResult.Bumped(WalletSigner.signed(tx, changeVout), original.getTxId().toString(), originalFee);
    }

    private static Transaction assemble(Wallet wallet, List<TransactionOutput> inputs, List<TransactionOutput> payments,
                                        Script changeScript, long change, AesKey aesKey) {
        Transaction tx = new Transaction();
        payments.forEach(p -> tx.addOutput(p.getValue(), p.getScriptPubKey()));
        if (changeScript != null) {
            tx.addOutput(Coin.valueOf(Math.max(change, 0)), changeScript);
        }
        inputs.forEach(tx::addInput);
        WalletSigner.signReplaceable(wallet, tx, aesKey);
        return tx;
    }

    /** Our builder appends the change last; it is ours only if it pays a key of the wallet's change chain. */
    private static int changeIndex(Wallet wallet, Transaction tx) {
        int last = tx.getOutputs().size() - 1;
        Script script = tx.getOutput(last).getScriptPubKey();
        if (!ScriptPattern.isP2WPKH(script)) {
            return -1;
        }
        ECKey key = wallet.findKeyFromPubKeyHash(ScriptPattern.extractHashFromP2WH(script), ScriptType.P2WPKH);
        if (key instanceof DeterministicKey dk && dk.getPath().size() >= 2
                && dk.getPath().get(dk.getPath().size() - 2).equals(ChildNumber.ONE)) {
            return last;
        }
        return -1;
    }

    /**
     * Wallet coins confirmed at least {@code minConfirmations} deep and not spent by the original, largest first
     * (never the original's own outputs, which are unconfirmed).
     */
    private static List<TransactionOutput> extraCoins(Wallet wallet, Transaction original, int minConfirmations) {
        Set<TransactionOutPoint> used = new HashSet<>();
        original.getInputs().forEach(in -> used.add(in.getOutpoint()));
        List<TransactionOutput> coins = new ArrayList<>();
        for (TransactionOutput o : wallet.calculateAllSpendCandidates(true, true)) {
            Transaction parent = o.getParentTransaction();
            boolean confirmed = parent != null && ConfirmedCoinSelector.selectable(parent, minConfirmations);
            if (confirmed && !used.contains(o.getOutPointFor())) {
                coins.add(o);
            }
        }
        coins.sort(Comparator.comparingLong((TransactionOutput o) -> o.getValue().value).reversed());
        return coins;
    }
}
