package org.proxyfund.bench;

import org.proxyfund.probe.schedule.ScheduleConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The application's scheduler settings with the benchmark's interval, concurrency and batch size. */
record BenchSchedule(ScheduleConfig base, Duration interval, int maxConcurrent, int batchSize) implements ScheduleConfig {

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public double jitter() {
        return base.jitter();
    }

    @Override
    public Duration retryDelay() {
        return base.retryDelay();
    }

    @Override
    public int retries() {
        return base.retries();
    }

    @Override
    public Duration leaseDuration() {
        return base.leaseDuration();
    }

    @Override
    public Duration checkDeadline() {
        return base.checkDeadline();
    }

    @Override
    public Duration stopGrace() {
        return base.stopGrace();
    }

    @Override
    public Duration tickPeriod() {
        return base.tickPeriod();
    }

    @Override
    public Duration selfCheckPeriod() {
        return base.selfCheckPeriod();
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
        return base.rawRetention();
    }

    @Override
    public Duration rollupRetention() {
        return base.rollupRetention();
    }

    @Override
    public Duration rollupPeriod() {
        return base.rollupPeriod();
    }
}
