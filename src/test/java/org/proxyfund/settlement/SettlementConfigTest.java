package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PlainLane
class SettlementConfigTest {

    private static SettlementConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter()).withMapping(SettlementConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(SettlementConfig.class);
    }

    @Test
    void shouldDefaultToWeeklyEpochsTenPercentNinetyPercentThresholdAndTenThousandSatMinimum() {
        SettlementConfig c = load(Map.of());
        EpochCalendar calendar = EpochCalendar.from(c);
        assertEquals(Duration.ofDays(7), calendar.length());
        assertEquals("2026-W47", calendar.epochContaining(Instant.parse("2026-11-22T12:00:00Z")).key());
        Budget budget = BudgetPolicy.from(c).budget(10_100_000, 0, 0);
        assertEquals(1_010_000, budget.amountSats());
        assertEquals(Budget.BudgetLimit.PERCENT_OF_BALANCE, budget.limit());
        ShareParameters rules = ShareParameters.from(c);
        assertEquals(ShareParameters.defaults(), rules);
        assertEquals(10_000, MinimumPayout.from(c).minimumSats());
        assertEquals(5000, c.minCoverageBp());
        assertEquals(Duration.ofSeconds(60), c.checkInterval(), "the schedule's default interval");
    }

    @Test
    void shouldExpectChecksAtTheSchedulesIntervalUnlessSetItself() {
        assertEquals(Duration.ofSeconds(30), load(Map.of("proxyfund.probe.schedule.interval", "30s")).checkInterval());
        assertEquals(Duration.ofMinutes(2), load(Map.of("proxyfund.probe.schedule.interval", "30s",
                "proxyfund.settlement.check-interval", "2m")).checkInterval());
    }

    @Test
    void shouldReadWeightsCapDailyEpochsAndAFixedBudget() {
        SettlementConfig c = load(Map.of("proxyfund.settlement.epoch-length", "P1D",
                "proxyfund.settlement.budget-mode", "FIXED", "proxyfund.settlement.budget-fixed-sats", "70000",
                "proxyfund.settlement.protocol-weights.wireguard", "1500",
                "proxyfund.settlement.region-weights.ir", "2000", "proxyfund.settlement.operator-cap-sats", "9000"));
        assertEquals(Duration.ofDays(1), EpochCalendar.from(c).length());
        assertEquals(70_000, BudgetPolicy.from(c).budget(1_000_000, 0, 0).amountSats());
        ShareParameters rules = ShareParameters.from(c);
        assertEquals(1500L * 2000, rules.weight("wireguard", "ir"));
        assertEquals(1000L * 1000, rules.weight("socks5", "de"));
        assertEquals(9_000, rules.capSats());
    }
}
