package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single writer against a real PostgreSQL: proposals, approvals, the sending milestones and the ledger. */
@QuarkusTest
class PayoutServiceTest {

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    LedgerService ledger;
    @Inject
    EntityManager em;

    PayoutTestData data;

    @BeforeEach
    void setUp() {
        data = new PayoutTestData(em);
    }

    static String key() {
        return "test-" + UUID.randomUUID();
    }

    /** Every line of a proposal by operator, across its parts. */
    Map<Long, Long> lines(PayoutOutcome outcome) {
        Map<Long, Long> out = new HashMap<>();
        for (PayoutBatchView b : assertInstanceOf(PayoutOutcome.Proposed.class, outcome).batches()) {
            queries.lines(b.id()).forEach(l -> out.put(l.accountId(), l.amountSats()));
        }
        return out;
    }

    PayoutBatchView batchOf(PayoutOutcome outcome, long accountId) {
        return assertInstanceOf(PayoutOutcome.Proposed.class, outcome).batches().stream()
                .filter(b -> queries.lines(b.id()).stream().anyMatch(l -> l.accountId() == accountId)).findFirst().orElseThrow();
    }

    @Test
    void shouldProposeEveryoneDueOnceAndFindTheSameBatchesWhenTriggeredAgain() {
        long due = data.operator(PayoutTestData.someAddress());
        long small = data.operator(PayoutTestData.someAddress());
        long pending = data.operator(PayoutTestData.someAddress(), "PENDING", "PROVEN");
        long unproven = data.operator(PayoutTestData.someAddress(), "APPROVED", "UNPROVEN");
        data.owe(due, 25_000);
        data.owe(small, 9_999);
        data.owe(pending, 50_000);
        data.owe(unproven, 50_000);
        String key = key();

        PayoutOutcome first = payouts.propose(key);
        Map<Long, Long> paid = lines(first);
        assertTrue(((PayoutOutcome.Proposed) first).created());
        assertEquals(25_000L, paid.get(due));
        assertFalse(paid.containsKey(small), "below the minimum payout of 10,000 sats: accrues");
        assertFalse(paid.containsKey(pending), "operator not approved");
        assertFalse(paid.containsKey(unproven), "payout address not proven");

        PayoutOutcome again = payouts.propose(key);
        assertFalse(((PayoutOutcome.Proposed) again).created());
        assertEquals(((PayoutOutcome.Proposed) first).batches().stream().map(PayoutBatchView::id).toList(),
                ((PayoutOutcome.Proposed) again).batches().stream().map(PayoutBatchView::id).toList());

        PayoutOutcome other = payouts.propose(key());
        if (other instanceof PayoutOutcome.Proposed) {
            assertFalse(lines(other).containsKey(due), "an operator in an open batch is not proposed again");
        }
        data.owe(small, 1);
        assertEquals(10_000L, lines(payouts.propose(key())).get(small), "paid once the accrued balance reaches the minimum");
    }

    @Test
    void shouldSplitAProposalIntoPartsOfAtMostTheMaximumOutputCount() {
        List<PayoutLine> lines = java.util.stream.LongStream.rangeClosed(1, 5)
                .mapToObj(i -> new PayoutLine(i, 0, "addr" + i, 10_000 * i, true)).toList();
        List<List<PayoutLine>> parts = PayoutProposer.split(lines, 2);
        assertEquals(List.of(2, 2, 1), parts.stream().map(List::size).toList());
        assertEquals(List.of(0, 1), parts.get(1).stream().map(PayoutLine::position).toList());
        assertEquals(List.of(3L, 4L), parts.get(1).stream().map(PayoutLine::accountId).toList());
    }

    @Test
    void shouldSplitAProposalIntoPartsTheHotFloatCanPayAndCutALineAboveTheLimit() {
        List<PayoutLine> lines = java.util.stream.LongStream.of(10_000, 20_000, 30_000, 40_000, 100_000)
                .mapToObj(s -> new PayoutLine(s, 0, "addr" + s, s, true)).toList();
        List<List<PayoutLine>> parts = PayoutProposer.split(lines, 3, 60_000);
        assertEquals(List.of(List.of(10_000L, 20_000L, 30_000L), List.of(40_000L), List.of(60_000L)),
                parts.stream().map(p -> p.stream().map(PayoutLine::amountSats).toList()).toList(),
                "in order, each part within the limit and the most outputs; 100,000 owed is paid 60,000 now");
        assertEquals(100_000L, parts.get(2).getFirst().accountId(), "the cut line is still that operator's");
        parts.forEach(p -> assertEquals(java.util.stream.IntStream.range(0, p.size()).boxed().toList(),
                p.stream().map(PayoutLine::position).toList(), "positions numbered within each part"));
        assertEquals(PayoutProposer.split(lines, 3), PayoutProposer.split(lines, 3, Long.MAX_VALUE), "no float, no limit");
        assertThrows(IllegalArgumentException.class, () -> PayoutProposer.split(lines, 3, 0));
    }

    @Test
    void shouldRefuseAStaleRevisionAndASecondApprovalByTheSameAdminAndNeedTwoAdminsOverTheThreshold() {
        long big = data.operator(PayoutTestData.someAddress());
        long second = data.operator(PayoutTestData.someAddress());
        data.owe(big, 10_000_001);
        data.owe(second, 20_000);
        long alice = data.admin();
        long bob = data.admin();
        PayoutBatchView batch = batchOf(payouts.propose(key()), big);
        assertTrue(batch.totalSats() > batch.twoAdminThresholdSats());

        PayoutOutcome removed = payouts.removeLine(batch.id(), second, alice);
        assertEquals(2, assertInstanceOf(PayoutOutcome.Done.class, removed).batch().revision());
        PayoutOutcome stale = payouts.approve(batch.id(), alice, 1);
        assertEquals(BatchReason.OLD_REVISION, assertInstanceOf(PayoutOutcome.Refused.class, stale).reason());

        PayoutOutcome first = payouts.approve(batch.id(), alice, 2);
        assertEquals(BatchState.PROPOSED, assertInstanceOf(PayoutOutcome.Done.class, first).batch().state());
        assertTrue(((PayoutOutcome.Done) first).message().contains("second, different admin"));
        PayoutOutcome twice = payouts.approve(batch.id(), alice, 2);
        assertEquals(BatchReason.ALREADY_APPROVED_BY_YOU, assertInstanceOf(PayoutOutcome.Refused.class, twice).reason());
        PayoutOutcome approved = payouts.approve(batch.id(), bob, 2);
        assertEquals(BatchState.APPROVED, assertInstanceOf(PayoutOutcome.Done.class, approved).batch().state());
        assertEquals(List.of(alice, bob), queries.approvals(batch.id()));
        assertEquals(BatchReason.ALREADY_APPROVED_BY_YOU,
                assertInstanceOf(PayoutOutcome.Refused.class, payouts.approve(batch.id(), bob, 2)).reason());
        assertTrue(queries.lines(batch.id()).stream().noneMatch(l -> l.accountId() == second), "the removed line is gone");
    }

    @Test
    void shouldBookAConfirmedBatchOnceAndLetItsOperatorsBeProposedAgainAfterwards() {
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        data.fundLedger(100_000);
        data.owe(a, 30_000);
        data.owe(b, 40_000);
        long admin = data.admin();
        PayoutBatchView batch = batchOf(payouts.propose(key()), a);
        long total = batch.totalSats();
        Map<String, Long> before = ledger.balances();
        payouts.approve(batch.id(), admin, 1);
        SignedTransaction tx = PayoutTestData.someTransaction();
        assertEquals(BatchState.SIGNED, ((PayoutOutcome.Done) payouts.markSigned(batch.id(), tx, 1_234, 300)).batch().state());
        assertEquals(BatchReason.MAY_ALREADY_BE_SENT,
                assertInstanceOf(PayoutOutcome.Refused.class, payouts.fail(batch.id(), "changed my mind")).reason());
        payouts.markBroadcast(batch.id(), tx.txid());
        PayoutOutcome shallow = payouts.markConfirmed(batch.id(), tx.txid(), 5);
        assertEquals(BatchReason.NOT_ENOUGH_CONFIRMATIONS, assertInstanceOf(PayoutOutcome.Refused.class, shallow).reason());
        PayoutBatchView confirmed = ((PayoutOutcome.Done) payouts.markConfirmed(batch.id(), tx.txid(), 6)).batch();
        assertEquals(BatchState.CONFIRMED, confirmed.state());
        assertEquals(1_234L, confirmed.feeSats());
        PayoutBatchView repeat = ((PayoutOutcome.Done) payouts.markConfirmed(batch.id(), tx.txid(), 7)).batch();
        assertEquals(BatchState.CONFIRMED, repeat.state());

        Map<String, Long> after = ledger.balances();
        assertEquals(0, ledger.total());
        assertEquals(before.getOrDefault("wallet", 0L) - total - 1_234, after.get("wallet"), "booked once, fee included");
        assertEquals(before.getOrDefault("miner_fees", 0L) + 1_234, after.get("miner_fees"));
        assertEquals(0, data.payable(a));
        assertEquals(0, data.payable(b));
        assertTrue(queries.lines(batch.id()).stream().noneMatch(PayoutLine::open));
        assertEquals(List.of("Proposed", "Approved", "Signed", "Broadcast", "Confirmed"),
                queries.events(batch.id()).stream().map(PayoutEventView::kind).toList());

        data.owe(a, 15_000);
        assertEquals(15_000L, lines(payouts.propose(key())).get(a));
    }

    @Test
    void shouldReturnTheLinesOfARejectedBatchToPayable() {
        long a = data.operator(PayoutTestData.someAddress());
        data.owe(a, 12_000);
        long admin = data.admin();
        PayoutBatchView batch = batchOf(payouts.propose(key()), a);
        assertEquals(BatchReason.INVALID_INPUT,
                assertInstanceOf(PayoutOutcome.Refused.class, payouts.reject(batch.id(), admin, "  ")).reason());
        assertEquals(BatchState.REJECTED, ((PayoutOutcome.Done) payouts.reject(batch.id(), admin, "wrong amounts")).batch().state());
        assertEquals(12_000, data.payable(a), "nothing was booked");
        assertEquals(12_000L, lines(payouts.propose(key())).get(a), "proposable again");
        assertInstanceOf(PayoutOutcome.NotFound.class, payouts.approve(Long.MAX_VALUE, admin, 1));
    }
}
