package org.proxyfund.wallet;

import org.proxyfund.common.testing.PlainLane;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.core.Context;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.core.TransactionOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Payout coin selection: only coins confirmed at least the given depth, never the wallet's own pending change. */
@PlainLane
class ConfirmedCoinSelectorTest {

    @BeforeEach
    void context() {
        Context.propagate(new Context());
    }

    @Test
    void shouldSelectOnlyCoinsConfirmedAtLeastTheRequiredDepth() {
        TransactionOutput ownPendingChange = coin(400_000, -1);
        TransactionOutput oneDeep = coin(300_000, 1);
        TransactionOutput fiveDeep = coin(200_000, 5);
        TransactionOutput sixDeep = coin(50_000, 6);
        TransactionOutput deeper = coin(60_000, 40);
        List<TransactionOutput> all = List.of(ownPendingChange, oneDeep, fiveDeep, sixDeep, deeper);

        assertEquals(Set.of(sixDeep, deeper),
                Set.copyOf(new ConfirmedCoinSelector(6).select(Coin.valueOf(1_000_000), all).outputs()),
                "a reorg of up to five blocks cannot take away a coin a payout spends");
        assertEquals(Set.of(oneDeep, fiveDeep, sixDeep, deeper),
                Set.copyOf(new ConfirmedCoinSelector(1).select(Coin.valueOf(1_000_000), all).outputs()),
                "unconfirmed change is never spent, although bitcoinj's default selector takes it on regtest");
        assertEquals(List.of(deeper), new ConfirmedCoinSelector(6).select(Coin.valueOf(55_000), all).outputs(),
                "most coin-age first, and only as much as needed");
        assertThrows(IllegalArgumentException.class, () -> new ConfirmedCoinSelector(0));
    }

    /** An output of a transaction of ours at {@code depth} (-1: pending, created by this wallet). */
    private static TransactionOutput coin(long sats, int depth) {
        byte[] program = new byte[20];
        program[0] = (byte) depth;
        program[1] = (byte) (sats >> 8);
        Transaction tx = new Transaction();
        tx.addOutput(Coin.valueOf(sats), SegwitAddress.fromProgram(BitcoinNetwork.REGTEST, 0, program));
        TransactionConfidence confidence = tx.getConfidence();
        if (depth < 0) {
            confidence.setSource(TransactionConfidence.Source.SELF);
            confidence.setConfidenceType(TransactionConfidence.ConfidenceType.PENDING);
        } else {
            confidence.setConfidenceType(TransactionConfidence.ConfidenceType.BUILDING);
            confidence.setDepthInBlocks(depth);
        }
        return tx.getOutput(0);
    }
}
