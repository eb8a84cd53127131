package org.proxyfund.probe.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Scheduler settings for tests: short interval and lease, no jitter unless asked, small batches. */
public record TestScheduleConfig(Duration interval, double jitter, Duration retryDelay, int retries, Duration leaseDuration,
                          int batchSize, Duration tickPeriod, Duration checkDeadline, Duration stopGrace) implements ScheduleConfig {

    public static TestScheduleConfig fast() {
        return new TestScheduleConfig(Duration.ofSeconds(60), 0, Duration.ofMillis(200), 1, Duration.ofSeconds(30), 200,
                Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    TestScheduleConfig interval(Duration value) {
        return new TestScheduleConfig(value, jitter, retryDelay, retries, leaseDuration, batchSize, tickPeriod, checkDeadline, stopGrace);
    }

    TestScheduleConfig retry(int count, Duration delay) {
        return new TestScheduleConfig(interval, jitter, delay, count, leaseDuration, batchSize, tickPeriod, checkDeadline, stopGrace);
    }

    TestScheduleConfig lease(Duration value) {
        return new TestScheduleConfig(interval, jitter, retryDelay, retries, value, batchSize, tickPeriod, checkDeadline, stopGrace);
    }

    TestScheduleConfig batch(int value) {
        return new TestScheduleConfig(interval, jitter, retryDelay, retries, leaseDuration, value, tickPeriod, checkDeadline, stopGrace);
    }

    TestScheduleConfig deadline(Duration value) {
        return new TestScheduleConfig(interval, jitter, retryDelay, retries, leaseDuration, batchSize, tickPeriod, value, stopGrace);
    }

    TestScheduleConfig stopGrace(Duration value) {
        return new TestScheduleConfig(interval, jitter, retryDelay, retries, leaseDuration, batchSize, tickPeriod, checkDeadline, value);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public int maxConcurrent() {
        return 50;
    }

    @Override
    public Duration selfCheckPeriod() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Optional<String> monitorId() {
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> referenceEndpoints() {
        return Optional.empty();
    }

    @Override
    public Duration rawRetention() {
        return Duration.ofHours(48);
    }

    @Override
    public Duration rollupRetention() {
        return Duration.ofDays(365);
    }

    @Override
    public Duration rollupPeriod() {
        return Duration.ofMinutes(1);
    }
}
