package org.proxyfund.wallet;

import org.bitcoinj.base.Coin;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.wallet.CoinSelection;
import org.bitcoinj.wallet.CoinSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For a new revision of a PSBT: spends every coin of the earlier revision (so the two conflict and at most one can ever
 * confirm, whichever an admin signs and sends), plus more confirmed coins only if those no longer cover the target.
 * When one of the earlier coins is no longer a candidate it selects nothing: the caller refuses the new revision.
 */
final class KeepInputsCoinSelector implements CoinSelector {

    private final Set<String> keep;
    private final ConfirmedCoinSelector more;

    KeepInputsCoinSelector(Set<String> outpoints, int minConfirmations) {
        this.keep = Set.copyOf(outpoints);
        this.more = new ConfirmedCoinSelector(minConfirmations);
    }

    @Override
    public CoinSelection select(Coin target, List<TransactionOutput> candidates) {
        List<TransactionOutput> kept = candidates.stream().filter(o -> keep.contains(o.getOutPointFor().toString())).toList();
        if (kept.size() != keep.size()) {
            return new CoinSelection(List.of());
        }
        Coin value = kept.stream().map(TransactionOutput::getValue).reduce(Coin.ZERO, Coin::add);
        if (value.isGreaterThan(target) || value.equals(target)) {
            return new CoinSelection(kept);
        }
        List<TransactionOutput> rest = candidates.stream().filter(o -> !kept.contains(o)).toList();
        List<TransactionOutput> all = new ArrayList<>(kept);
        all.addAll(more.select(target.subtract(value), rest).outputs());
        return new CoinSelection(all);
    }
}
