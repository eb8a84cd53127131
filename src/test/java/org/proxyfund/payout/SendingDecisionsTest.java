package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.TxStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sending loop's decisions that need no node: what a batch's transactions say, what a bump asks for. */
@PlainLane
class SendingDecisionsTest {

    private static final PayoutTx ORIGINAL = tx("aa", 0);
    private static final PayoutTx BUMP = tx("bb", 1);

    private static PayoutTx tx(String txid, int seq) {
        return new PayoutTx(txid, seq, new byte[]{1}, 1_000, 200, Instant.EPOCH);
    }

    private static TxStatus dead(String by, int depth) {
        return new TxStatus.Conflicted(true, Optional.of(by), depth);
    }

    @Test
    void shouldCompleteTheBatchWithWhicheverOfItsTransactionsConfirms() {
        BatchOnChain chain = BatchOnChain.read(List.of(ORIGINAL, BUMP),
                Map.of("aa", dead("bb", 3), "bb", (TxStatus) new TxStatus.Confirmed(3))::get);
        assertEquals(BUMP, chain.confirmed());
        assertEquals(3, chain.depth());
        assertFalse(chain.lostTo(1), "the batch's own replacement beat its original: nothing is lost");
    }

    @Test
    void shouldCallTheBatchLostOnlyWhenAForeignSpendIsAsDeepAsAPayoutMustBe() {
        List<PayoutTx> txs = List.of(ORIGINAL, BUMP);
        BatchOnChain shallow = BatchOnChain.read(txs, Map.of("aa", dead("cc", 1), "bb", dead("cc", 1))::get);
        assertTrue(shallow.allDead());
        assertFalse(shallow.lostTo(2), "one confirmation of the foreign spend is not yet final");
        BatchOnChain deep = BatchOnChain.read(txs, Map.of("aa", dead("cc", 2), "bb", dead("cc", 2))::get);
        assertTrue(deep.lostTo(2));
        assertEquals("cc", deep.conflict());
        BatchOnChain stillPending = BatchOnChain.read(txs, Map.of("aa", dead("cc", 5), "bb", (TxStatus) new TxStatus.Pending())::get);
        assertFalse(stillPending.lostTo(2), "a transaction of the batch is still alive");
        assertEquals(BUMP, stillPending.newestAlive());
    }

    @Test
    void shouldKeepSendingTheOlderTransactionWhenAReorgRevivedItAndKilledTheReplacement() {
        BatchOnChain chain = BatchOnChain.read(List.of(ORIGINAL, BUMP),
                Map.of("aa", (TxStatus) new TxStatus.Pending(), "bb", dead("aa", 0))::get);
        assertNull(chain.confirmed());
        assertEquals(ORIGINAL, chain.newestAlive());
    }

    @Test
    void shouldBumpAStuckBatchByThePercentAndAtLeastToTheNodesEstimate() {
        FeeEstimate fixed = new FeeEstimate(5, FeeEstimate.Source.FIXED, 5, 6, 1, 500, "");
        FeeEstimate node = new FeeEstimate(40, FeeEstimate.Source.NODE_MEMPOOL, 40, 6, 1, 500, "");
        assertEquals(OptionalLong.empty(), BumpRate.due(false, fixed, 10, 25), "neither stuck nor below the node's target");
        assertEquals(OptionalLong.of(12), BumpRate.due(true, fixed, 10, 25));
        assertEquals(OptionalLong.of(2), BumpRate.due(true, fixed, 1, 25), "by 1 sat/vB at least");
        assertEquals(OptionalLong.of(40), BumpRate.due(false, node, 10, 25), "below the node's target: to the estimate at once");
        assertEquals(OptionalLong.of(40), BumpRate.due(true, node, 10, 25));
        assertEquals(OptionalLong.empty(), BumpRate.due(false, node, 40, 25));
    }

    @Test
    void shouldSendATransactionAgainOnlyWhenNoNodeTookItAReorgCameOrTheIntervalPassed() {
        BroadcastMemory sent = new BroadcastMemory();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        java.time.Duration every = java.time.Duration.ofMinutes(10);
        assertTrue(sent.due("aa", null, null, t0, every), "never sent");
        assertFalse(sent.due("aa", t0, null, t0.plusSeconds(60), every), "after a restart the stored broadcast time counts");
        sent.sending("aa");
        assertTrue(sent.due("aa", t0, null, t0.plusSeconds(1), every), "no node took it: the next pass tries again");
        sent.answered("aa", t0.plusSeconds(1));
        assertFalse(sent.due("aa", t0, null, t0.plusSeconds(120), every));
        assertTrue(sent.due("aa", t0, t0.plusSeconds(60), t0.plusSeconds(120), every), "a reorg since the last broadcast");
        assertTrue(sent.due("aa", t0, null, t0.plusSeconds(1).plus(every), every), "rebroadcast-every has passed");
    }
}
