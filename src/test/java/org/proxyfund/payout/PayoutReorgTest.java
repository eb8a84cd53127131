package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.Management;
import org.proxyfund.audit.LedgerCheck;
import org.proxyfund.audit.LedgerCheckService;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.TxStatus;
import org.proxyfund.wallet.WalletRestart;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reorgs against a paid batch on the real regtest node: two ordinary 1-block reorgs and then a 6-block reorg that
 * takes the block of a CONFIRMED payout away. The wallet stays synced and ready, the worker keeps working, the batch
 * goes back to BROADCAST with its booking reversed, the same stored bytes are sent again and confirm once.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class PayoutReorgTest {

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    WalletService wallet;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerCheckService checks;
    @Inject
    EntityManager em;

    @Inject
    OtherBatches otherBatches;

    final RegtestNode node = RegtestNode.shared();

    /** Replaces the top {@code depth} blocks by {@code depth + 1} new ones (bcoin drops their transactions). */
    private void reorg(int depth) {
        assertTrue(node.mempool().isEmpty(), "an empty mempool, so bcoin drops the invalidated blocks' transactions");
        int tip = node.blockCount();
        node.invalidateBlock(node.rpc("getblockhash", tip - depth + 1).asText());
        node.mine(depth + 1);
        assertEquals(tip + 1, node.blockCount());
    }

    /** The wallet follows the node's new tip with no further block and no restart, and readiness says UP. */
    private void assertFollowsWithoutRestart(int starts, String after) {
        RegtestNode.await("wallet synced at the node's tip " + after, Duration.ofSeconds(60),
                () -> wallet.state().synced() && wallet.state().chainHeight() == node.blockCount());
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Bitcoin wallet' }.status", equalTo("UP"));
        assertEquals(starts, WalletRestart.starts(wallet), "no wallet restart " + after);
        assertTrue(worker.pass(), "the payout worker runs its pass " + after);
    }

    @Test
    void shouldTakeAPayoutOutOfConfirmedWhenAReorgRemovesItAndConfirmItOnceFromItsStoredBytes() {
        PayoutTestData data = new PayoutTestData(em);
        chain.awaitSynced();
        chain.fund(200_000_000L);
        List<Long> others = otherBatches.clear(data.admin());
        try {
            reorgs(data);
        } finally {
            otherBatches.restore(others);
        }
    }

    /**
     * The ledger check's three differences (wallet vs books, donations confirmed vs booked, payouts paid vs booked).
     * Tests before this one in the same database book donations and payouts the chain never saw, so the check need not
     * hold in absolute terms here: what this test proves is that its payout and its reorg leave the differences as they
     * found them (and, during the reorg, by exactly the payout).
     */
    private static long[] offsets(LedgerCheck c) {
        assertTrue(c.sumsToZero(), "every entry balances");
        return new long[] {c.walletConfirmedSats() - (c.walletAccountSats() - c.payoutsInFlightSats()),
                c.donationsConfirmedSats() - c.donationsBookedSats(), c.payoutsPaidSats() - c.payoutsBookedSats()};
    }

    private void assertHoldsAsBefore(long[] base, String when) {
        assertArrayEquals(base, offsets(checks.run()), "the ledger check holds " + when);
    }

    private void reorgs(PayoutTestData data) {
        long[] base = offsets(checks.run());
        int starts = WalletRestart.starts(wallet);
        int driftBefore = WalletRestart.bitcoinjPeerHeightEstimate(wallet) - wallet.state().chainHeight();

        reorg(1);
        assertFollowsWithoutRestart(starts, "after the first 1-block reorg");
        reorg(1);
        assertFollowsWithoutRestart(starts, "after the second 1-block reorg");

        int start = node.blockCount() + 1;
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        data.owe(a, 1_500_000);
        data.owe(b, 2_250_000);
        PayoutBatchView batch = ((PayoutOutcome.Proposed) payouts.propose("reorg-" + UUID.randomUUID())).batches().stream()
                .filter(x -> queries.lines(x.id()).stream().anyMatch(l -> l.accountId() == a)).findFirst().orElseThrow();
        payouts.approve(batch.id(), data.admin(), batch.revision());
        payouts.approve(batch.id(), data.admin(), batch.revision());
        assertTrue(worker.pass());
        PayoutTx stored = queries.transactions(batch.id()).getFirst();
        RegtestNode.await("the payout in the node's mempool", Duration.ofSeconds(30), () -> node.mempool().contains(stored.txid()));
        String payoutBlock = node.mine(1).getFirst();
        assertTrue(node.blockTxids(payoutBlock).contains(stored.txid()));
        chain.mine(5);
        assertTrue(worker.pass());
        assertEquals(BatchState.CONFIRMED, queries.batch(batch.id()).orElseThrow().state());
        assertEquals(0, data.payable(a));
        assertHoldsAsBefore(base, "while the batch is paid");
        long total = batch.totalSats();

        reorg(6); // the payout's block and the five above it
        assertNotEquals(payoutBlock, node.rpc("getblockhash", node.blockCount() - 6).asText());
        RegtestNode.await("wallet synced at the new tip", Duration.ofSeconds(60),
                () -> wallet.state().synced() && wallet.state().chainHeight() == node.blockCount());
        assertInstanceOf(TxStatus.Pending.class, wallet.txStatus(stored.txid()), "the payout left the chain");
        int drift = WalletRestart.bitcoinjPeerHeightEstimate(wallet) - wallet.state().chainHeight();
        assertTrue(drift >= driftBefore + 8, "bitcoinj's own estimate drifted (" + driftBefore + " -> " + drift
                + "): readiness judged by it would be DOWN now");

        // During the reorg, before the worker has seen it: the wallet has its coins back, the ledger still says paid.
        LedgerCheck during = checks.run();
        assertEquals(total + stored.feeSats(), offsets(during)[0] - base[0],
                "the mismatch is visible during the reorg: the wallet has the payout's coins back, the books say paid");

        assertFollowsWithoutRestart(starts, "after the 6-block reorg");
        PayoutBatchView back = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.BROADCAST, back.state(), "back in flight");
        assertEquals(1, back.reorgCount());
        assertTrue(queries.events(batch.id()).stream().anyMatch(e -> e.kind().equals("LeftChain")
                && e.from() == BatchState.CONFIRMED && e.to() == BatchState.BROADCAST));
        assertEquals(1_500_000, data.payable(a), "the booking is reversed: owed again until it confirms again");
        assertHoldsAsBefore(base, "again once the worker has seen the reorg");
        RegtestNode.await("the stored bytes sent again", Duration.ofSeconds(30), () -> node.mempool().contains(stored.txid()));
        assertEquals(HexFormat.of().formatHex(stored.raw()), node.rpc("getrawtransaction", stored.txid()).asText(),
                "the node holds exactly the stored bytes");
        PayoutOutcome again = payouts.propose("reorg-again-" + UUID.randomUUID());
        if (again instanceof PayoutOutcome.Proposed p) {
            assertTrue(p.batches().stream().flatMap(x -> queries.lines(x.id()).stream())
                    .noneMatch(l -> l.accountId() == a || l.accountId() == b), "nobody in flight is proposed again");
        }
        WebClient.admin().get("/admin/payouts/" + batch.id()).then().statusCode(200)
                .body(containsString("data-state=\"BROADCAST\"")).body(containsString("LeftChain"))
                .body(containsString("id=\"reorged\""));

        chain.mine(1);
        assertTrue(worker.pass());
        assertEquals(BatchState.BROADCAST, queries.batch(batch.id()).orElseThrow().state(), "1 of 6 confirmations");
        assertHoldsAsBefore(base, "while the batch confirms again");
        chain.mine(5);
        assertTrue(worker.pass());
        PayoutBatchView done = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.CONFIRMED, done.state());
        assertEquals(stored.txid(), done.confirmedTxid(), "confirmed by the same transaction");
        assertEquals(1, queries.transactions(batch.id()).size(), "no new transaction was signed");
        assertEquals(0, data.payable(a));
        assertEquals(0, data.payable(b));
        assertHoldsAsBefore(base, "once confirmed again");
        assertEquals(0, ledger.total());

        Map<Long, String> addresses = Map.of(a, line(batch.id(), a).address(), b, line(batch.id(), b).address());
        Map<String, long[]> paid = ChainPayments.received(node, start, Set.copyOf(addresses.values()));
        assertEquals(1_500_000L, paid.get(addresses.get(a))[0]);
        assertEquals(1L, paid.get(addresses.get(a))[1], "one output on the chain, once");
        assertEquals(2_250_000L, paid.get(addresses.get(b))[0]);
        assertEquals(1L, paid.get(addresses.get(b))[1], "one output on the chain, once");
        assertEquals(starts, WalletRestart.starts(wallet));
    }

    PayoutLine line(long batchId, long accountId) {
        return queries.lines(batchId).stream().filter(l -> l.accountId() == accountId).findFirst().orElseThrow();
    }
}
