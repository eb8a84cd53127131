package org.proxyfund.payout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.settlement.BudgetPolicy;
import org.proxyfund.settlement.EpochCalendar;
import org.proxyfund.settlement.SettlementConfig;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar changes after settled and paid epochs, end to end through payout on the regtest node: weekly epochs,
 * then daily ones on another anchor, then another anchor again. Each trigger settles from where the last settlement
 * ended; the operator is paid on the chain exactly what the settlements gave them, every hour of uptime is counted
 * once, and each period's budget is for its own length.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class CalendarChangePayoutTest {

    @Inject
    PayoutTrigger trigger;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    SettlementConfig settlementConfig;
    @Inject
    EntityManager em;

    PayoutTestData data;
    final RegtestNode node = RegtestNode.shared();

    @BeforeEach
    void setUp() {
        data = new PayoutTestData(em);
        chain.mine(1);
        chain.awaitSynced();
        if (chain.confirmedBalance() < 100_000_000L) {
            chain.fund(300_000_000L);
        }
        sql("DELETE FROM settlement");
    }

    @AfterEach
    void tearDown() {
        sql("DELETE FROM settlement");
    }

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String statement, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return (List<Object[]>) q.getResultList();
        });
    }

    /** Triggers on {@code calendar} at {@code now}, approves and sends the operator's batch and confirms it on the chain. */
    private long payRound(Instant now, EpochCalendar calendar, long accountId) {
        PayoutOutcome.Proposed proposed = assertInstanceOf(PayoutOutcome.Proposed.class, trigger.run(now, calendar));
        PayoutBatchView batch = proposed.batches().stream()
                .filter(b -> queries.lines(b.id()).stream().anyMatch(l -> l.accountId() == accountId)).findFirst().orElseThrow();
        PayoutOutcome approved = payouts.approve(batch.id(), data.admin(), batch.revision());
        if (((PayoutOutcome.Done) approved).batch().state() != BatchState.APPROVED) {
            payouts.approve(batch.id(), data.admin(), batch.revision());
        }
        // sent once the wallet has coins as deep as payouts want them (earlier tests' change may still be shallow)
        RegtestNode.await("batch " + batch.id() + " sent", Duration.ofSeconds(90), () -> {
            worker.sendApproved();
            if (queries.batch(batch.id()).orElseThrow().state() != BatchState.APPROVED) {
                return true;
            }
            chain.mine(1);
            return false;
        });
        RegtestNode.await("batch " + batch.id() + " confirmed", Duration.ofSeconds(90), () -> {
            chain.mine(1);
            worker.track();
            return queries.batch(batch.id()).orElseThrow().state() == BatchState.CONFIRMED;
        });
        return queries.lines(batch.id()).stream().filter(l -> l.accountId() == accountId).findFirst().orElseThrow().amountSats();
    }

    @Test
    void shouldPayEachMomentOnceWhenWeeklyEpochsBecomeDailyAndTheAnchorMovesAfterPaidEpochs() {
        int fromHeight = node.blockCount() + 1;
        String address = PayoutTestData.someAddress();
        long operator = data.operator(address);
        long endpoint = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc, state,
                    address_version) VALUES (?1, 'SOCKS5', 'calendar', ?2, 1080, 'IR', '{}', 'v1:x', 'APPROVED', 1) RETURNING id""")
                .setParameter(1, operator).setParameter(2, "calendar-" + operator + ".example").getSingleResult()).longValue());
        Instant from = Instant.parse("2032-03-01T00:00:00Z"); // a Monday: ISO week 2032-W10 starts here
        Instant to = Instant.parse("2032-03-14T00:00:00Z");
        // every hour of these two weeks: 10 UP checks, none down
        sql("""
                INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)
                SELECT ?1, h, 10, 0, 0, 0 FROM generate_series(CAST(?2 AS timestamptz), CAST(?3 AS timestamptz) - interval '1 hour',
                interval '1 hour') h""", endpoint, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));

        EpochCalendar weekly = EpochCalendar.weekly();
        long paid = payRound(Instant.parse("2032-03-09T12:00:00Z"), weekly, operator); // settles the week 2032-W10
        EpochCalendar daily = new EpochCalendar(Duration.ofDays(1), Instant.parse("2024-01-01T06:30:00Z"));
        paid += payRound(Instant.parse("2032-03-10T09:00:00Z"), daily, operator);
        EpochCalendar moved = new EpochCalendar(Duration.ofDays(1), Instant.parse("2024-01-01T18:00:00Z"));
        paid += payRound(Instant.parse("2032-03-12T20:00:00Z"), moved, operator);

        List<Object[]> settled = rows("""
                SELECT epoch_key, epoch_start, epoch_end, asked_sats, balance_sats FROM settlement ORDER BY epoch_start""");
        List<String> keys = settled.stream().map(r -> (String) r[0]).toList();
        assertEquals(List.of("2032-W10", "2032-03-08T00:00:00Z", "2032-03-08T06:30:00Z", "2032-03-09T06:30:00Z",
                "2032-03-10T06:30:00Z", "2032-03-10T18:00:00Z", "2032-03-11T18:00:00Z"), keys,
                "a week, a transition to 06:30, daily epochs, a transition to 18:00, a daily epoch");
        BudgetPolicy policy = BudgetPolicy.from(settlementConfig);
        for (int i = 0; i < settled.size(); i++) {
            Instant start = (Instant) settled.get(i)[1];
            Instant end = (Instant) settled.get(i)[2];
            if (i > 0) {
                assertEquals(settled.get(i - 1)[2], start, keys.get(i) + " starts where " + keys.get(i - 1) + " ended");
            }
            long asked = ((Number) settled.get(i)[3]).longValue();
            long balance = ((Number) settled.get(i)[4]).longValue();
            assertEquals(policy.budget(balance, 0, 0, start, end).policySats(), asked, keys.get(i) + " asks for its own length only");
            long weeklyRate = balance / 10 * Duration.between(start, end).getSeconds() / 604_800;
            assertTrue(asked <= weeklyRate + 2, keys.get(i) + ": " + asked + " sats, not a fresh 10 % (" + weeklyRate + ")");
        }
        Instant settledFrom = (Instant) settled.getFirst()[1];
        Instant settledTo = (Instant) settled.getLast()[2];
        long hours = Duration.between(settledFrom, settledTo).toHours();
        long counted = ((Number) rows("SELECT coalesce(sum(up_count), 0), count(*) FROM settlement_endpoint WHERE endpoint_id = ?1",
                endpoint).getFirst()[0]).longValue();
        assertEquals(10 * hours, counted, "every hour from " + settledFrom + " to " + settledTo + " counted exactly once");

        long earned = ((Number) rows("SELECT coalesce(sum(amount_sats), 0), count(*) FROM settlement_share WHERE operator_id = ?1",
                operator).getFirst()[0]).longValue();
        Map<String, long[]> onChain = ChainPayments.received(node, fromHeight, Set.of(address));
        assertEquals(earned, onChain.get(address)[0], "the chain paid exactly what the settlements gave");
        assertEquals(3, onChain.get(address)[1], "one output per paid round");
        assertEquals(earned, paid);
        assertEquals(0, data.payable(operator), "nothing owed twice, nothing left over");
    }
}
