package org.proxyfund.settlement;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.*;

/**
 * Changes of epoch length and anchor between settlements, on the real database: no moment is settled twice or
 * skipped, every hour of uptime is counted once, and the budget of the elapsed time is asked for once in total.
 */
@QuarkusTest
class SettlementCalendarChangeTest {

    static final long FUNDS = 40_000_000_000L;
    static final long SEED = 20261206L;
    static final List<Duration> LENGTHS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(90), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7));

    @Inject
    SettlementService service;
    @Inject
    LedgerService ledger;
    @Inject
    DataSource ds;
    @Inject
    SettlementConfig config;

    @BeforeEach
    void setUp() {
        cleanUp(ds, ledger);
        fund(ledger, FUNDS);
    }

    @AfterEach
    void tearDown() {
        cleanUp(ds, ledger);
    }

    private List<long[]> settled() {
        return query(ds, "SELECT extract(epoch FROM epoch_start)::bigint, extract(epoch FROM epoch_end)::bigint, asked_sats"
                + " FROM settlement ORDER BY epoch_start", rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
    }

    @Test
    void shouldNeverSettleAMomentTwiceAndAskTheBudgetOfTheElapsedTimeOnceOverRandomCalendarChanges() {
        Random random = new Random(SEED);
        long op = operator(ds, "APPROVED", true);
        long ep = endpoint(ds, op, "SOCKS5", "IR");
        Instant now = Instant.parse("2031-03-05T10:17:00Z");
        List<Instant> hours = new ArrayList<>();
        int transitions = 0;
        for (int step = 0; step < 40; step++) {
            Duration length = LENGTHS.get(random.nextInt(LENGTHS.size()));
            Instant anchor = EpochCalendar.DEFAULT_ANCHOR.plusSeconds(60L * random.nextInt(7 * 24 * 60));
            EpochCalendar calendar = new EpochCalendar(length, anchor);
            Instant before = now;
            now = now.plusSeconds(1 + (long) (random.nextDouble() * Math.min(20 * length.getSeconds(), 10 * 86_400L)));
            // an hour of uptime somewhere in the time that just passed, its UP count unique to it
            Instant hour = before.plusSeconds((long) (random.nextDouble() * Duration.between(before, now).getSeconds()))
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            if (!hours.contains(hour)) {
                rollup(ds, ep, hour, hours.size() + 1, 0, 0);
                hours.add(hour);
            }
            CalendarStatus status = service.calendarStatus(now, calendar);
            transitions += status.transition() ? 1 : 0;
            List<Settlement> done = service.settleDue(now, calendar);
            assertFalse(done.isEmpty(), "settleDue always answers with the latest settlement");
        }
        List<long[]> rows = settled();
        System.out.printf("[calendar-changes] 40 calendar changes: %d periods settled, %d transition periods, %d uptime hours%n",
                rows.size(), transitions, hours.size());
        assertTrue(rows.size() > 40, "many periods were settled: " + rows.size());
        assertTrue(transitions >= 10, "calendar changes made transition periods: " + transitions);
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(rows.get(i - 1)[1], rows.get(i)[0], "settlement " + i + " starts exactly where the one before ended");
        }
        assertTrue(rows.getLast()[1] <= now.getEpochSecond(), "nothing is settled before it has ended");

        // the budget asked for over all periods is that of the whole time, exactly (the wallet account never moved)
        long balance = ledger.balances().get(LedgerService.WALLET);
        BudgetPolicy policy = BudgetPolicy.from(config);
        long asked = rows.stream().mapToLong(r -> r[2]).sum();
        long whole = policy.budget(balance, 0, 0, Instant.ofEpochSecond(rows.getFirst()[0]),
                Instant.ofEpochSecond(rows.getLast()[1])).policySats();
        assertEquals(whole, asked, "the budget of the elapsed time is asked for once");
        long seconds = rows.getLast()[1] - rows.getFirst()[0];
        BigInteger weeklyRate = BigInteger.valueOf(balance).multiply(BigInteger.valueOf(config.budgetPercentBp()))
                .multiply(BigInteger.valueOf(seconds)).divide(BigInteger.valueOf(10_000L * 604_800));
        assertTrue(whole <= weeklyRate.longValueExact() + 1,
                "no more than the weekly rate for " + seconds + " s");

        // every hour of uptime inside the settled time is counted in exactly one settlement
        long first = rows.getFirst()[0];
        long last = rows.getLast()[1];
        long expected = 0;
        for (int i = 0; i < hours.size(); i++) {
            long h = hours.get(i).getEpochSecond();
            if (h >= first && h < last) {
                expected += i + 1;
            }
        }
        assertEquals(expected, scalar(ds, "SELECT coalesce(sum(up_count), 0) FROM settlement_endpoint WHERE endpoint_id = ?", ep),
                "each hour counted once, none lost");
    }

    @Test
    void shouldContinueAfterTheLastSettledEpochWhenWeeklyBecomesDailyAndTheAnchorMoves() {
        EpochCalendar weekly = EpochCalendar.weekly();
        Instant now = Instant.parse("2031-06-04T13:00:00Z"); // a Wednesday
        Settlement week = service.settleDue(now, weekly).getLast();
        assertEquals("2031-W22", week.epochKey());

        EpochCalendar daily = new EpochCalendar(Duration.ofDays(1), Instant.parse("2024-01-01T06:30:00Z"));
        CalendarStatus status = service.calendarStatus(now, daily);
        assertTrue(status.transition(), "the week ended at Monday 00:00, not on a 06:30 boundary");
        assertEquals(week.epochEnd().toInstant(), status.nextStart());
        assertEquals(Instant.parse("2031-06-02T06:30:00Z"), status.nextEnd());

        List<Settlement> due = service.settleDue(now, daily);
        assertEquals(List.of("2031-06-02T00:00:00Z", "2031-06-02T06:30:00Z", "2031-06-03T06:30:00Z"),
                due.stream().map(Settlement::epochKey).toList(), "a transition period, then the daily epochs");
        assertEquals(week.epochEnd(), due.getFirst().epochStart());

        SettleResult again = service.settle(daily.epochContaining(Instant.parse("2031-06-01T12:00:00Z")),
                now);
        assertEquals(SettleResult.Status.OUT_OF_ORDER, again.status());
        Epoch overlapping = new EpochCalendar(Duration.ofHours(6), EpochCalendar.DEFAULT_ANCHOR)
                .epochContaining(Instant.parse("2031-06-03T13:00:00Z"));
        SettleResult overlap = service.settle(overlapping, now);
        assertEquals(SettleResult.Status.OVERLAPS, overlap.status());
        assertTrue(overlap.message().contains("continues at 2031-06-04T06:30:00Z"), overlap.message());

        // the configured calendar is weekly again: the admin page says where settlement continues, in both languages
        WebClient admin = WebClient.admin();
        String page = admin.get("/admin/settlements").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"calendar-transition\"") && page.contains("2031-06-04T06:30:00Z"), page);
        assertTrue(page.contains("Next to settle: 2031-06-04T06:30:00Z (2031-06-04 06:30:00 UTC – 2031-06-09 00:00:00 UTC)"), page);
        String ru = admin.get("/admin/settlements?lang=ru").then().statusCode(200).extract().asString();
        assertTrue(ru.contains("Календарь изменился") && ru.contains("переходный период"), ru);
    }

    @Test
    void shouldRefuseAnOverlappingSettlementInTheDatabaseItself() {
        Instant now = Instant.parse("2031-07-09T13:00:00Z");
        Settlement week = service.settleDue(now, EpochCalendar.weekly()).getLast();
        RuntimeException refused = assertThrows(RuntimeException.class, () -> exec(ds, "INSERT INTO settlement (epoch_key, epoch_start,"
                        + " epoch_end, budget_mode, budget_limit, balance_sats, reserve_sats, owed_sats, carried_in_sats, available_sats,"
                        + " asked_sats, budget_sats, pool_sats, distributed_sats, carried_out_sats, rules, endpoint_count, paid_count)"
                        + " VALUES ('forged', ?, ?, 'FIXED', 'FIXED_AMOUNT', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}', 0, 0)",
                week.epochStart().plusHours(6), week.epochEnd().plusHours(6)));
        assertTrue(String.valueOf(refused.getCause()).contains("overlaps settlement " + week.epochKey()), String.valueOf(refused.getCause()));
    }
}
