package org.proxyfund.payout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.TxStatus;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.PaymentOutput;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sending, confirmation and fee bumps on the real regtest node, checked on the chain itself. */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class PayoutSendingTest {

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
    EntityManager em;

    PayoutTestData data;
    final RegtestNode node = RegtestNode.shared();

    @BeforeEach
    void setUp() {
        data = new PayoutTestData(em);
        chain.mine(1); // confirms the change of earlier batches, so it can be spent again
        chain.awaitSynced();
        if (chain.confirmedBalance() < 100_000_000L) {
            chain.fund(300_000_000L);
        }
    }

    /** Proposes and approves a batch holding {@code accountId}'s line; returns it. */
    PayoutBatchView approvedBatchOf(long accountId) {
        PayoutOutcome proposed = payouts.propose("send-" + UUID.randomUUID());
        PayoutBatchView batch = assertInstanceOf(PayoutOutcome.Proposed.class, proposed).batches().stream()
                .filter(b -> queries.lines(b.id()).stream().anyMatch(l -> l.accountId() == accountId)).findFirst().orElseThrow();
        long admin = data.admin();
        PayoutOutcome approved = payouts.approve(batch.id(), admin, batch.revision());
        if (((PayoutOutcome.Done) approved).batch().state() != BatchState.APPROVED) {
            payouts.approve(batch.id(), data.admin(), batch.revision());
        }
        return queries.batch(batch.id()).orElseThrow();
    }

    void confirm(long batchId) {
        RegtestNode.await("batch " + batchId + " confirmed", Duration.ofSeconds(60), () -> {
            chain.mine(1);
            worker.track();
            return queries.batch(batchId).orElseThrow().state() == BatchState.CONFIRMED;
        });
    }

    @Test
    void shouldPayEveryLineExactlyOnceOnTheChainAndBookItOnceInTheLedger() {
        int start = node.blockCount() + 1;
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        data.owe(a, 20_000);
        data.owe(b, 3_000_000);
        PayoutBatchView batch = approvedBatchOf(a);
        Map<String, Long> before = ledger.balances();
        assertTrue(worker.sendApproved() >= 1);
        PayoutBatchView sent = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.BROADCAST, sent.state());
        PayoutTx tx = queries.transactions(batch.id()).getFirst();
        RegtestNode.await("the stored bytes in the node's mempool", Duration.ofSeconds(15), () -> node.mempool().contains(tx.txid()));
        assertEquals(sent.feeSats(), tx.feeSats());
        confirm(batch.id());

        PayoutBatchView done = queries.batch(batch.id()).orElseThrow();
        assertEquals(tx.txid(), done.confirmedTxid());
        Map<Long, String> addresses = Map.of(a, line(batch.id(), a).address(), b, line(batch.id(), b).address());
        Map<String, long[]> paid = ChainPayments.received(node, start, Set.copyOf(addresses.values()));
        assertEquals(20_000L, paid.get(addresses.get(a))[0]);
        assertEquals(1L, paid.get(addresses.get(a))[1], "one output, once");
        assertEquals(3_000_000L, paid.get(addresses.get(b))[0]);
        assertEquals(0, data.payable(a));
        assertEquals(0, data.payable(b));
        Map<String, Long> after = ledger.balances();
        assertEquals(0, ledger.total());
        assertEquals(before.get("wallet") - done.totalSats() - tx.feeSats(), after.get("wallet"));
        assertEquals(before.getOrDefault("miner_fees", 0L) + tx.feeSats(), after.get("miner_fees"));
        long rate = tx.feeSats() / tx.vsize();
        assertTrue(rate >= 10 && rate <= 11, "the configured 10 sat/vB: " + rate);
    }

    PayoutLine line(long batchId, long accountId) {
        return queries.lines(batchId).stream().filter(l -> l.accountId() == accountId).findFirst().orElseThrow();
    }

    @Test
    void shouldSpendAtMostThirtyTwoVirtualBytesPerPayoutInABatchOfAHundred() {
        SignResult.Signed batch = assertInstanceOf(SignResult.Signed.class, wallet.buildAndSign(PayoutSize.outputs(100), 10));
        long single = Math.round(PayoutSize.singlePayoutVbytes(wallet, 5));
        // 100 × 31 vB of outputs + one P2WPKH input, the change output and the header: 32.1 vB per payout
        assertTrue(batch.vsize() <= 33 * 100, "100 outputs in " + batch.vsize() + " vB");
        assertTrue(batch.vsize() * 3L < single * 100, "a third of one transaction per payout (" + single + " vB each) or less");
    }

    @Test
    void shouldWaitWhileTheFeeWouldBeTooLargeAShareOfTheBatch() {
        long tiny = data.operator(PayoutTestData.someAddress());
        data.owe(tiny, 10_000);
        PayoutBatchView batch = approvedBatchOf(tiny);
        if (batch.totalSats() > 100_000) {
            return; // joined by other tests' operators: the fee share is not the point of that batch
        }
        worker.send(batch.id());
        PayoutBatchView waiting = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.APPROVED, waiting.state());
        assertTrue(waiting.waitingReason().contains("more than 5.00 %"), waiting.waitingReason());
        assertTrue(queries.transactions(batch.id()).isEmpty(), "nothing signed is stored, nothing sent");
    }

    @Test
    void shouldLeaveAnAddressOfAnotherNetworkOutOfProposalsAndKeepItOwed() {
        String mainnet = mainnetAddress();
        long wrong = data.operator(mainnet);
        data.owe(wrong, 50_000);
        long right = data.operator(PayoutTestData.someAddress());
        data.owe(right, 50_000);
        PayoutOutcome proposed = payouts.propose("send-" + UUID.randomUUID());
        List<Long> accounts = assertInstanceOf(PayoutOutcome.Proposed.class, proposed).batches().stream()
                .flatMap(b -> queries.lines(b.id()).stream()).map(l -> l.accountId()).toList();
        assertTrue(accounts.contains(right), "the others are proposed as usual");
        assertFalse(accounts.contains(wrong), "a mainnet address is never put in a regtest batch, where it would fail everyone's payout");
        assertEquals(50_000, data.payable(wrong), "still owed, paid once the address is replaced");
    }

    @Test
    void shouldFailABatchWhoseLineTurnsOutOfAnotherNetworkAtSendingAndLeaveThePayable() {
        long account = data.operator(PayoutTestData.someAddress());
        data.owe(account, 50_000);
        PayoutBatchView batch = approvedBatchOf(account);
        // The sender's own check, for a line that reached it anyway (a network setting changed after proposing).
        String mainnet = mainnetAddress();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE payout_line SET address = ?1 WHERE batch_id = ?2 AND account_id = ?3")
                .setParameter(1, mainnet).setParameter(2, batch.id()).setParameter(3, account).executeUpdate());
        worker.send(batch.id());
        PayoutBatchView failed = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.FAILED, failed.state());
        assertTrue(failed.closingReason().contains(mainnet), failed.closingReason());
        assertEquals(50_000, data.payable(account), "nothing was paid or booked");
        assertTrue(queries.transactions(batch.id()).isEmpty(), "nothing signed is stored");
    }

    private static String mainnetAddress() {
        byte[] program = new byte[20];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(program);
        return org.bitcoinj.base.SegwitAddress.fromProgram(org.bitcoinj.base.BitcoinNetwork.MAINNET, 0, program).toString();
    }

    @Test
    void shouldBumpAStuckBatchByReplacementAndCompleteWithWhicheverTheChainConfirms() {
        worker.track();
        chain.mine(1); // no unconfirmed parent coins: the replacement must not depend on another batch's transaction
        int start = node.blockCount() + 1;
        long a = data.operator(PayoutTestData.someAddress());
        data.owe(a, 2_500_000);
        PayoutBatchView batch = approvedBatchOf(a);
        List<PaymentOutput> outputs = queries.lines(batch.id()).stream().map(l -> new PaymentOutput(l.address(), l.amountSats())).toList();
        // The original is stored and marked broadcast, but no node ever kept it (as when a mempool drops it).
        SignResult.Signed original = assertInstanceOf(SignResult.Signed.class, wallet.buildAndSign(outputs, 10));
        payouts.markSigned(batch.id(), new SignedTransaction(original.txid(), original.raw()), original.feeSats(), original.vsize());
        payouts.markBroadcast(batch.id(), original.txid());

        worker.track(Instant.now().plus(Duration.ofHours(7)));
        List<PayoutTx> txs = queries.transactions(batch.id());
        assertEquals(2, txs.size(), "a replacement is stored beside the original");
        PayoutTx replacement = txs.get(1);
        assertTrue(replacement.feeSats() > original.feeSats(), "higher fee");
        // bcoin answers the peer's fetch before its mempool holds the transaction: wait for it there.
        RegtestNode.await("the replacement, broadcast after it was stored, in the node's mempool", Duration.ofSeconds(15),
                () -> node.mempool().contains(replacement.txid()));
        confirm(batch.id());

        PayoutBatchView done = queries.batch(batch.id()).orElseThrow();
        assertEquals(replacement.txid(), done.confirmedTxid());
        assertEquals(replacement.feeSats(), done.feeSats());
        String address = line(batch.id(), a).address();
        long[] paid = ChainPayments.received(node, start, Set.of(address)).get(address);
        assertNotNull(paid);
        assertEquals(2_500_000L, paid[0]);
        assertEquals(1L, paid[1], "paid once although two transactions of the batch exist");
        assertTrue(!(wallet.txStatus(original.txid()) instanceof TxStatus.Confirmed), "the original can never confirm");
    }
}
