package org.proxyfund.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.testing.RegtestNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fees from the node: a batch is sent at the rate the node's estimate gives (shown with its source on the batch page);
 * then a fee spike (the node's mempool filled with transactions paying 50 sat/vB, more than a block's worth for the
 * profile) makes the estimate for the next block pass the batch's rate, and the batch is bumped to it at once (RBF,
 * no stuck-after wait), once, and confirms once. The replacement's rate is checked with the node's own figures
 * against the rate a block of the profile's size leaves out, computed here from the node's mempool.
 */
@QuarkusTest
@TestProfile(FeeSpikeProfile.class)
class FeeSpikeTest {

    private static final BigDecimal SATS = BigDecimal.valueOf(100_000_000L);

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    OtherBatches others;
    @Inject
    EntityManager em;
    @Inject
    FeeEstimator fees;
    @Inject
    PayoutRepository repository;
    @Inject
    org.proxyfund.wallet.WalletService wallet;

    final RegtestNode node = RegtestNode.shared();

    /** A transaction of the node's mempool by the node's own figures: fee in sats, size in vB. */
    record Pooled(String txid, long fee, long size) {
        BigDecimal rate() {
            return BigDecimal.valueOf(fee).divide(BigDecimal.valueOf(size), 8, RoundingMode.HALF_UP);
        }
    }

    List<Pooled> pool() {
        List<Pooled> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.rpc("getrawmempool", true).properties()) {
            out.add(new Pooled(e.getKey(), new BigDecimal(e.getValue().path("fee").asText()).multiply(SATS).longValueExact(),
                    e.getValue().path("size").asLong()));
        }
        return out;
    }

    /** The rate of the mempool transaction that a block of BLOCK_VSIZE, filled best-paying first, leaves out. */
    BigDecimal firstLeftOut(List<Pooled> pool) {
        List<Pooled> sorted = new ArrayList<>(pool);
        sorted.sort((x, y) -> y.rate().compareTo(x.rate()));
        long used = 0;
        for (Pooled p : sorted) {
            used += p.size();
            if (used > FeeSpikeProfile.BLOCK_VSIZE) {
                return p.rate();
            }
        }
        return BigDecimal.ZERO;
    }

    @Test
    void shouldSendAtTheNodesEstimateAndBumpABatchToTheTargetInAFeeSpike() {
        PayoutTestData data = new PayoutTestData(em);
        chain.awaitSynced();
        chain.fund(50_000_000L);
        List<Long> suspended = others.clear(data.admin());
        try {
            chain.mine(1); // an empty mempool: nothing to outbid yet
            int start = node.blockCount() + 1;
            String address = PayoutTestData.someAddress();
            long a = data.operator(address);
            data.owe(a, 2_000_000);
            PayoutBatchView batch = ((PayoutOutcome.Proposed) payouts.propose("fees-" + UUID.randomUUID())).batches().stream()
                    .filter(x -> queries.lines(x.id()).stream().anyMatch(l -> l.accountId() == a)).findFirst().orElseThrow();
            payouts.approve(batch.id(), data.admin(), batch.revision());
            payouts.approve(batch.id(), data.admin(), batch.revision());
            assertTrue(worker.pass());
            assertEquals(BatchState.BROADCAST, queries.batch(batch.id()).orElseThrow().state());
            PayoutTx first = queries.transactions(batch.id()).getFirst();
            assertNotEquals("FIXED", first.feeSource(), "the node's estimate was used: " + first.feeSource());
            long before = first.satPerVb();
            assertTrue(before >= FeeSpikeProfile.FLOOR && before < 50, "sent at the quiet estimate, not 50: " + before);
            WebClient admin = WebClient.admin();
            admin.get("/admin/payouts/" + batch.id() + "?lang=en").then().statusCode(200)
                    .body(containsString("id=\"fee-now\""))
                    .body(containsString("floor 2, ceiling 200 sat/vB"));

            // bcoin 1.0.2 does not replace a transaction in its mempool by a BIP125 replacement (Bitcoin Core does):
            // the original leaves the node's mempool first, as on a node restart or mempool expiry. A 1-block reorg
            // does that (bcoin's invalidateblock resets the whole mempool); the wallet still holds it as pending.
            node.invalidateBlock(node.bestBlockHash());
            node.mine(2);
            RegtestNode.await("the wallet at the node's new tip", Duration.ofSeconds(60),
                    () -> wallet.state().synced() && wallet.state().chainHeight() == node.blockCount());
            assertFalse(node.mempool().contains(first.txid()), "the node dropped the original");

            node.walletRpc("settxfee", new BigDecimal("0.0005")); // 50 sat/vB
            try {
                for (int i = 0; i < 30; i++) {
                    node.sendToAddress(PayoutTestData.someAddress(), 100_000);
                }
            } finally {
                node.walletRpc("settxfee", 0);
            }
            List<Pooled> spike = pool().stream().filter(p -> !p.txid().equals(first.txid())).toList();
            BigDecimal boundary = firstLeftOut(spike);
            assertTrue(boundary.compareTo(BigDecimal.valueOf(40)) > 0, "a spike: the block is full of 50 sat/vB, " + boundary);

            assertTrue(worker.pass(), "the next pass, long before stuck-after");
            List<PayoutTx> txs = queries.transactions(batch.id());
            assertEquals(2, txs.size(), "bumped once, by the target; estimate now " + fees.estimate(queries.inFlightTxids())
                    + ", paying " + first.satPerVb() + ", waiting " + repository.waiting(batch.id()) + ", "
                    + wallet.txStatus(first.txid()) + ", " + queries.batch(batch.id()).orElseThrow().state());
            PayoutTx bumped = txs.get(1);
            assertEquals("NODE_MEMPOOL", bumped.feeSource());
            RegtestNode.await("the replacement in the node's mempool", Duration.ofSeconds(30),
                    () -> node.mempool().contains(bumped.txid()));
            assertFalse(node.mempool().contains(first.txid()), "the original is not sent again beside its replacement");
            Pooled held = pool().stream().filter(p -> p.txid().equals(bumped.txid())).findFirst().orElseThrow();
            assertTrue(held.rate().compareTo(boundary) > 0, "the node's own figures: " + held.rate()
                    + " sat/vB outbids the block's boundary of " + boundary);
            admin.get("/admin/payouts/" + batch.id() + "?lang=en").then().statusCode(200)
                    .body(containsString("from the node&#39;s mempool"))
                    .body(containsString(bumped.satPerVb() + " sat/vB"));
            admin.get("/admin/payouts/" + batch.id() + "?lang=ru").then().statusCode(200)
                    .body(containsString("мемпул узла"));

            assertTrue(worker.pass());
            assertEquals(2, queries.transactions(batch.id()).size(), "at the target now: no further bump");

            chain.mine(6);
            assertTrue(worker.pass());
            PayoutBatchView done = queries.batch(batch.id()).orElseThrow();
            assertEquals(BatchState.CONFIRMED, done.state());
            assertEquals(bumped.txid(), done.confirmedTxid());
            long[] paid = ChainPayments.received(node, start, Set.of(address)).get(address);
            assertEquals(2_000_000L, paid[0]);
            assertEquals(1L, paid[1], "one output on the chain, once");
        } finally {
            others.restore(suspended);
            others.closeInFlight(); // also when an assertion failed: later tests start with a wallet of their own
        }
    }
}
