package org.proxyfund.wallet;

import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Network;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.core.InsufficientMoneyException;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.crypto.AesKey;
import org.bitcoinj.wallet.SendRequest;
import org.bitcoinj.wallet.Wallet;

import java.util.List;

/**
 * Builds one transaction with many outputs, signals BIP125 replaceability on every input and signs it with the
 * decrypted keys. Never broadcasts and never commits to the wallet: {@code completeTx} only selects coins, and only
 * coins confirmed at least {@code minConfirmations} deep ({@link ConfirmedCoinSelector}).
 */
final class WalletSigner {

    /** nSequence below 0xFFFFFFFE signals BIP125 opt-in replace-by-fee (and leaves nLockTime enforced). */
    static final long RBF_SEQUENCE = 0xFFFFFFFDL;

    private WalletSigner() {
    }

    static SignResult sign(Wallet wallet, Network network, List<PaymentOutput> outputs, AesKey aesKey, long feeRateSatsPerKvb,
                           int minConfirmations) {
        return sign(wallet, network, outputs, aesKey, feeRateSatsPerKvb, minConfirmations, java.util.Set.of());
    }

    /**
     * As above, never spending a {@code reserved} coin (outpoint "txid:vout"); CoinsReserved when the coins would
     * cover the transaction only with reserved ones.
     */
    static SignResult sign(Wallet wallet, Network network, List<PaymentOutput> outputs, AesKey aesKey, long feeRateSatsPerKvb,
                           int minConfirmations, java.util.Set<String> reserved) {
        Built built = build(wallet, network, outputs, feeRateSatsPerKvb, new ConfirmedCoinSelector(minConfirmations, reserved));
        if (built.failure() instanceof SignResult.InsufficientFunds f && !reserved.isEmpty()
                && build(wallet, network, outputs, feeRateSatsPerKvb, minConfirmations).failure() == null) {
            return new SignResult.CoinsReserved(f.missingSats());
        }
        if (built.failure() != null) {
            return built.failure();
        }
        signReplaceable(wallet, built.tx(), aesKey);
        return signed(built.tx(), built.changeVout());
    }

    /** An unsigned transaction (coins chosen, change added) or why there is none. */
    record Built(Transaction tx, int changeVout, SignResult failure) {
    }

    /** Chooses coins and adds change for {@code outputs}; nothing signed, nothing committed, sequences not yet set. */
    static Built build(Wallet wallet, Network network, List<PaymentOutput> outputs, long feeRateSatsPerKvb,
                       int minConfirmations) {
        return build(wallet, network, outputs, feeRateSatsPerKvb, new ConfirmedCoinSelector(minConfirmations));
    }

    static Built build(Wallet wallet, Network network, List<PaymentOutput> outputs, long feeRateSatsPerKvb,
                       org.bitcoinj.wallet.CoinSelector selector) {
        if (outputs.isEmpty()) {
            return new Built(null, -1, new SignResult.InvalidOutput(-1, "no outputs"));
        }
        AddressParser parser = AddressParser.getDefault(network);
        Transaction tx = new Transaction();
        for (int i = 0; i < outputs.size(); i++) {
            PaymentOutput p = outputs.get(i);
            if (p.amountSats() <= 0) {
                return new Built(null, -1, new SignResult.InvalidOutput(i, "amount must be positive"));
            }
            Address address;
            try {
                address = parser.parseAddress(p.address());
            } catch (AddressFormatException e) {
                return new Built(null, -1, new SignResult.InvalidOutput(i, "not an address on " + network + ": " + e.getMessage()));
            }
            TransactionOutput out = tx.addOutput(Coin.valueOf(p.amountSats()), address);
            if (out.isDust()) {
                return new Built(null, -1, new SignResult.InvalidOutput(i,
                        "amount below the dust limit (" + out.getMinNonDustValue().value + " sats)"));
            }
        }
        SendRequest request = SendRequest.forTx(tx);
        request.setFeePerVkb(Coin.valueOf(feeRateSatsPerKvb));
        // Line i must stay vout i: the payout service records which output paid whom.
        request.shuffleOutputs = false;
        // Only coins at least minConfirmations deep: no unconfirmed change, nothing a shallow reorg can take away.
        request.coinSelector = selector;
        // Complete unsigned, then set the sequences, then sign: signatures commit to nSequence.
        request.signInputs = false;
        // Coins the wallet cannot sign for count too: a watch-only (cold) wallet's coins are signed by the admins'
        // wallets. A hot wallet can sign all of its coins, so this changes nothing there.
        request.missingSigsMode = Wallet.MissingSigsMode.USE_DUMMY_SIG;
        try {
            wallet.completeTx(request);
        } catch (InsufficientMoneyException e) {
            return new Built(null, -1, new SignResult.InsufficientFunds(e.missing == null ? 0 : e.missing.value));
        }
        return new Built(tx, tx.getOutputs().size() > outputs.size() ? outputs.size() : -1, null);
    }

    /** Sets the BIP125 sequence on every input (before signing: signatures commit to nSequence). */
    static void makeReplaceable(Transaction tx) {
        for (int i = 0; i < tx.getInputs().size(); i++) {
            tx.replaceInput(i, tx.getInput(i).withSequence(RBF_SEQUENCE));
        }
    }

    /** Sets the BIP125 sequence on every input, then signs every input the wallet holds the key for. */
    static void signReplaceable(Wallet wallet, Transaction tx, AesKey aesKey) {
        makeReplaceable(tx);
        SendRequest request = SendRequest.forTx(tx);
        request.aesKey = aesKey;
        wallet.signTransaction(request);
    }

    static SignResult.Signed signed(Transaction tx, int changeVout) {
        return new SignResult.Signed(tx.getTxId().toString(), tx.serialize(), tx.getFee().value, tx.getVsize(), changeVout);
    }
}
