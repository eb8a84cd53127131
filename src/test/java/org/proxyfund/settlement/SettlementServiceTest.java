package org.proxyfund.settlement;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerService;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.*;

/** The persisted settlement: idempotence, rollup edges, eligibility, carried remainder, ledger posting, settleDue. */
@QuarkusTest
class SettlementServiceTest {

    static final long FUNDS = 50_000_000L;

    @Inject
    SettlementService service;

    @Inject
    LedgerService ledger;

    @Inject
    DataSource ds;

    @Inject
    SettlementConfig config;

    EpochCalendar calendar;

    @BeforeEach
    void setUp() {
        cleanUp(ds, ledger);
        calendar = service.calendar();
        fund(ledger, FUNDS);
    }

    @AfterEach
    void tearDown() {
        cleanUp(ds, ledger);
    }

    private Epoch epoch(String instant) {
        return calendar.epochContaining(Instant.parse(instant));
    }

    private long payable(long operatorId) {
        return -ledger.balances().getOrDefault(org.proxyfund.ledger.LedgerAccount.operatorPayable(operatorId).name(), 0L);
    }

    private String outcome(long settlementId, long endpointId) {
        return query(ds, "SELECT outcome FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                rs -> rs.getString(1), settlementId, endpointId).get(0);
    }

    private long entries(String key) {
        return scalar(ds, "SELECT count(*) FROM ledger_entry WHERE kind = 'SETTLEMENT' AND reference = ?", key);
    }

    @Test
    void shouldSettleAnEpochOnceWhenAskedTwice() {
        Epoch e = epoch("2025-03-05T12:00:00Z");
        long op = operator(ds, "APPROVED", true);
        week(ds, endpoint(ds, op, "SOCKS5", "IR"), e, 60, 0, 0);

        SettleResult first = service.settle(e);
        SettleResult second = service.settle(e);

        assertEquals(SettleResult.Status.CREATED, first.status());
        assertEquals(SettleResult.Status.EXISTING, second.status());
        assertEquals(first.settlement(), second.settlement());
        assertEquals(1, scalar(ds, "SELECT count(*) FROM settlement WHERE epoch_key = ?", e.key()));
        assertEquals(1, entries(e.key()));
        assertTrue(first.settlement().distributedSats() > 0);
        assertEquals(first.settlement().distributedSats(), payable(op), "the only eligible operator gets the whole pool");
    }

    @Test
    void shouldLetOnlyOneOfTwoRacingCallsSettle() throws Exception {
        Epoch e = epoch("2025-03-12T12:00:00Z");
        long op = operator(ds, "APPROVED", true);
        week(ds, endpoint(ds, op, "SOCKS5", "IR"), e, 60, 0, 0);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SettleResult>> racers = List.of(
                    pool.submit(() -> { go.await(); return service.settle(e); }),
                    pool.submit(() -> { go.await(); return service.settle(e); }));
            go.countDown();
            List<SettleResult.Status> statuses = List.of(racers.get(0).get().status(), racers.get(1).get().status());
            assertTrue(statuses.contains(SettleResult.Status.CREATED) && statuses.contains(SettleResult.Status.EXISTING),
                    "one creates, the other finds it: " + statuses);
            assertEquals(racers.get(0).get().settlement().id(), racers.get(1).get().settlement().id());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, scalar(ds, "SELECT count(*) FROM settlement"));
        assertEquals(1, entries(e.key()));
    }

    @Test
    void shouldRefuseAnEpochThatHasNotEnded() {
        Epoch current = calendar.epochContaining(Instant.now());
        SettleResult r = service.settle(current);
        assertEquals(SettleResult.Status.NOT_ENDED, r.status());
        assertNull(r.settlement());
        assertTrue(r.message().contains(current.key()), r.message());
        Epoch past = epoch("2025-04-02T00:00:00Z");
        assertEquals(SettleResult.Status.NOT_ENDED, service.settle(past, past.end().minusSeconds(1)).status());
        assertEquals(0, scalar(ds, "SELECT count(*) FROM settlement"));
    }

    @Test
    void shouldRefuseAnEarlierEpochOnceALaterOneIsSettled() {
        Epoch later = epoch("2025-05-14T00:00:00Z");
        assertEquals(SettleResult.Status.CREATED, service.settle(later).status());
        SettleResult r = service.settle(calendar.previous(later));
        assertEquals(SettleResult.Status.OUT_OF_ORDER, r.status());
        assertTrue(r.message().contains(later.key()), r.message());
    }

    @Test
    void shouldCountOnlyRollupsInsideTheEpoch() {
        Epoch e = epoch("2025-03-19T12:00:00Z");
        long op = operator(ds, "APPROVED", true);
        long ep = endpoint(ds, op, "SOCKS5", "IR");
        rollup(ds, ep, e.start().minus(Duration.ofHours(1)), 0, 1000, 0); // the hour before: excluded
        rollup(ds, ep, e.start(), 7, 0, 0);                             // the first hour: included
        rollup(ds, ep, e.end().minus(Duration.ofHours(1)), 5, 1, 0);     // the last hour: included
        rollup(ds, ep, e.end(), 0, 2000, 0);                            // the next epoch's first hour: excluded

        Settlement s = service.settle(e).settlement();

        List<long[]> counts = query(ds, "SELECT up_count, down_count FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, s.id(), ep);
        assertEquals(12, counts.get(0)[0]);
        assertEquals(1, counts.get(0)[1]);
        assertEquals("COUNTED", outcome(s.id(), ep), "12 of 13 is 92 %, above the 90 % threshold");
    }

    @Test
    void shouldPayOnlyEligibleOperatorsAndSayWhyTheOthersGetNothing() {
        Epoch e = epoch("2025-03-26T12:00:00Z");
        long good = operator(ds, "APPROVED", true);
        long pending = operator(ds, "PENDING", true);
        long unproven = operator(ds, "APPROVED", false);
        long held = operator(ds, "APPROVED", true);
        long low = operator(ds, "APPROVED", true);
        long edge = operator(ds, "APPROVED", true);
        exec(ds, "INSERT INTO operator_hold (account_id, opened_by, reason) VALUES (?, ?, 'same payout address as another')", held, good);
        long gEp = endpoint(ds, good, "SOCKS5", "IR");
        long pEp = endpoint(ds, pending, "SOCKS5", "IR");
        long uEp = endpoint(ds, unproven, "SOCKS5", "IR");
        long hEp = endpoint(ds, held, "SOCKS5", "IR");
        long lEp = endpoint(ds, low, "SOCKS5", "IR");
        long eEp = endpoint(ds, edge, "SOCKS5", "IR");
        long silent = endpoint(ds, good, "MTPROTO", "RU");
        for (long ep : List.of(gEp, pEp, uEp, hEp)) {
            week(ds, ep, e, 10, 0, 0);
        }
        week(ds, lEp, e, 89, 11, 0);  // 89 %: below
        week(ds, eEp, e, 9, 1, 0);    // exactly 90 %: counts
        rollup(ds, silent, e.start(), 0, 0, 0); // only UNKNOWN checks

        Settlement s = service.settle(e).settlement();

        assertEquals("COUNTED", outcome(s.id(), gEp));
        assertEquals("OPERATOR_NOT_APPROVED", outcome(s.id(), pEp));
        assertEquals("ADDRESS_NOT_PROVEN", outcome(s.id(), uEp));
        assertEquals("HELD", outcome(s.id(), hEp));
        assertEquals("BELOW_THRESHOLD", outcome(s.id(), lEp));
        assertEquals("COUNTED", outcome(s.id(), eEp));
        assertEquals("NO_DATA", outcome(s.id(), silent));
        for (long nothing : List.of(pending, unproven, held, low)) {
            assertEquals(0, payable(nothing), "operator " + nothing + " must get nothing");
        }
        assertEquals("HELD", query(ds, "SELECT exclusion FROM settlement_share WHERE settlement_id = ? AND operator_id = ?",
                rs -> rs.getString(1), s.id(), held).get(0));
        // weights: good 100 % uptime, edge 90 %: 10 : 9 of the pool
        assertEquals(s.poolSats(), payable(good) + payable(edge) + s.carriedOutSats());
        assertTrue(Math.abs(payable(good) * 9 - payable(edge) * 10) <= 19, payable(good) + " vs " + payable(edge));
        assertEquals(2, s.paidCount());
        assertEquals(7, s.endpointCount());
    }

    @Test
    void shouldWeighWeakEvidenceAtTheConfiguredWeightWithoutFailingTheThreshold() {
        Epoch e = epoch("2025-04-09T12:00:00Z");
        long relay = operator(ds, "APPROVED", true);
        long wg = operator(ds, "APPROVED", true);
        week(ds, endpoint(ds, relay, "SOCKS5", "IR"), e, 60, 0, 0);
        long wgEp = endpoint(ds, wg, "WIREGUARD", "IR");
        week(ds, wgEp, e, 60, 0, 60); // every UP a handshake only

        Settlement s = service.settle(e).settlement();

        assertEquals("COUNTED", outcome(s.id(), wgEp), "weak UPs count fully toward the threshold");
        assertTrue(s.rules().contains("\"weakEvidenceWeight\":500"), s.rules());
        // default weak weight 500 per mille: 1000 : 500, so the relay gets twice the handshake-only endpoint
        assertTrue(Math.abs(payable(relay) - 2 * payable(wg)) <= 2, payable(relay) + " vs " + payable(wg));
        assertEquals(s.poolSats(), payable(relay) + payable(wg) + s.carriedOutSats());
    }

    @Test
    void shouldCarryTheRemainderIntoTheNextEpoch() {
        Epoch first = epoch("2025-04-16T12:00:00Z");
        Epoch second = calendar.next(first);
        long op = operator(ds, "APPROVED", true);
        long ep = endpoint(ds, op, "SOCKS5", "IR");
        week(ds, ep, first, 50, 50, 0);  // 50 %: nobody eligible, the whole pool is carried
        week(ds, ep, second, 60, 0, 0);

        Settlement s1 = service.settle(first).settlement();
        assertEquals(0, s1.distributedSats());
        assertNull(s1.ledgerEntryId(), "no ledger entry when nothing is distributed");
        assertEquals(s1.poolSats(), s1.carriedOutSats());
        assertTrue(s1.carriedOutSats() > 0);

        Settlement s2 = service.settle(second).settlement();
        assertEquals(s1.carriedOutSats(), s2.carriedInSats());
        assertEquals(s2.budgetSats() + s1.carriedOutSats(), s2.poolSats());
        assertEquals(s2.poolSats(), payable(op), "the carried remainder reaches the operator in the next epoch");
        assertEquals(0, s2.carriedOutSats());
    }

    @Test
    void shouldPostOneBalancedEntryWhosePayablesMatchTheShares() {
        Epoch e = epoch("2025-04-23T12:00:00Z");
        long[] ops = {operator(ds, "APPROVED", true), operator(ds, "APPROVED", true), operator(ds, "APPROVED", true)};
        for (long op : ops) {
            week(ds, endpoint(ds, op, "SHADOWSOCKS", "CN"), e, 60, 0, 0);
        }
        Map<String, Long> before = ledger.balances();

        Settlement s = service.settle(e).settlement();

        assertEquals(0, ledger.total(), "the ledger sums to zero");
        assertNotNull(s.ledgerEntryId());
        List<Object[]> lines = query(ds, "SELECT account, amount_sats FROM ledger_line WHERE entry_id = ? ORDER BY account",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)}, s.ledgerEntryId());
        assertEquals(4, lines.size());
        assertEquals(LedgerService.DONATIONS, lines.get(0)[0]);
        assertEquals(s.distributedSats(), lines.get(0)[1]);
        long perOperator = s.poolSats() / 3;
        for (long op : ops) {
            assertEquals(perOperator, payable(op), "equal uptime, equal share, rounded down");
            assertEquals(perOperator, scalar(ds, "SELECT amount_sats FROM settlement_share WHERE settlement_id = ? AND operator_id = ?",
                    s.id(), op));
        }
        assertEquals(s.poolSats() % 3, s.carriedOutSats(), "the rounding dust is carried");
        assertEquals(before.getOrDefault(LedgerService.WALLET, 0L), ledger.balances().get(LedgerService.WALLET),
                "settling moves no money out of the wallet");
        assertEquals(before.getOrDefault(LedgerService.WALLET, 0L) + before.getOrDefault(LedgerService.COLD_STORAGE, 0L),
                s.balanceSats(), "balance = the ledger's wallet and cold storage accounts");
        Budget expected = BudgetPolicy.from(config).budget(s.balanceSats(), s.owedSats(), s.carriedInSats(), e.start(), e.end());
        assertEquals(expected.amountSats(), s.budgetSats());
        assertEquals(expected.limit().name(), s.budgetLimit());
    }

    @Test
    void shouldBudgetFromTheWholeFundTheHotWalletAndColdStorage() {
        Epoch e = epoch("2025-04-30T12:00:00Z");
        long op = operator(ds, "APPROVED", true);
        week(ds, endpoint(ds, op, "SOCKS5", "IR"), e, 60, 0, 0);
        // A hot float swept most of the fund to cold storage (reference 'test-settle-fund': the clean-up reverses it).
        long hotBefore = ledger.balances().getOrDefault(LedgerService.WALLET, 0L);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> ledger.postSweepConfirmed("test-settle-fund", 40_000_000L, 1_000L));
        Map<String, Long> before = ledger.balances();
        long hot = before.get(LedgerService.WALLET);
        long fund = hot + before.get(LedgerService.COLD_STORAGE);
        assertEquals(hotBefore - 40_001_000L, hot, "the sweep and its fee left the hot wallet");

        Settlement s = service.settle(e).settlement();

        assertEquals(fund, s.balanceSats(), "the budget's basis is the whole fund, hot and cold");
        Budget expected = BudgetPolicy.from(config).budget(fund, s.owedSats(), s.carriedInSats(), e.start(), e.end());
        assertEquals(expected.amountSats(), s.budgetSats());
        assertEquals(BudgetPolicy.Mode.PERCENT, config.budgetMode(), "the test profile's budget is a share of the fund");
        assertTrue(s.budgetSats() > BudgetPolicy.from(config).budget(hot, s.owedSats(), s.carriedInSats(),
                e.start(), e.end()).amountSats(), "more than the hot wallet alone would give");
    }

    @Test
    void shouldSettleEveryDueEpochInOrderFromTheLastSettledOne() {
        Epoch start = epoch("2025-05-07T12:00:00Z");
        long op = operator(ds, "APPROVED", true);
        long ep = endpoint(ds, op, "SOCKS5", "IR");
        Epoch e1 = calendar.next(start);
        Epoch e2 = calendar.next(e1);
        week(ds, ep, e1, 60, 0, 0);
        week(ds, ep, e2, 60, 0, 0);
        service.settle(start);
        Instant now = calendar.next(e2).start().plus(Duration.ofHours(5));

        List<Settlement> due = service.settleDue(now);

        assertEquals(List.of(e1.key(), e2.key()), due.stream().map(Settlement::epochKey).toList());
        assertEquals(due.get(0).carriedOutSats(), due.get(1).carriedInSats());
        assertEquals(e2.key(), service.latest().orElseThrow().epochKey());
        assertEquals(List.of(e2.key()), service.settleDue(now).stream().map(Settlement::epochKey).toList(),
                "a second call finds the last finished epoch already settled");
    }

    @Test
    void shouldSettleOnlyTheLastFinishedEpochWhenNoneWasEverSettled() {
        Instant now = Instant.parse("2025-06-04T10:00:00Z");
        List<Settlement> due = service.settleDue(now);
        assertEquals(List.of(calendar.previous(calendar.epochContaining(now)).key()),
                due.stream().map(Settlement::epochKey).toList());
    }
}
