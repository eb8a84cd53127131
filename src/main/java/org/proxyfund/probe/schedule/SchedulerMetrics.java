package org.proxyfund.probe.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.probe.CheckStatus;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus meters of one scheduler: proxyfund_checks_total{protocol,result}, proxyfund_check_duration_seconds,
 * proxyfund_check_lease_lag_seconds, proxyfund_checks_in_flight, proxyfund_monitor_impaired and
 * proxyfund_check_results_discarded_total. Gauges carry the monitor id, so two instances in one JVM both show.
 */
public class SchedulerMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger impaired = new AtomicInteger();
    private final Timer leaseLag;
    private final Counter discarded;

    public SchedulerMetrics(MeterRegistry registry, String monitor) {
        this.registry = registry;
        Gauge.builder("proxyfund.checks.in.flight", inFlight, AtomicInteger::get).tag("monitor", monitor)
                .description("Checks running now on this monitor").register(registry);
        Gauge.builder("proxyfund.monitor.impaired", impaired, AtomicInteger::get).tag("monitor", monitor)
                .description("1 while the monitor's latest self-check failed (its checks are recorded UNKNOWN)").register(registry);
        leaseLag = Timer.builder("proxyfund.check.lease.lag").description("How late due endpoints are leased")
                .publishPercentileHistogram().register(registry);
        discarded = Counter.builder("proxyfund.check.results.discarded")
                .description("Check results dropped because the lease had passed to another monitor").register(registry);
    }

    void checked(EndpointType type, CheckStatus status, Duration took) {
        registry.counter("proxyfund.checks", "protocol", type.name(), "result", status.name()).increment();
        Timer.builder("proxyfund.check.duration").description("Time to run one check (incl. retry)")
                .tag("protocol", type.name()).publishPercentileHistogram().register(registry).record(took);
    }

    void leased(Duration lag) {
        leaseLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void discarded() {
        discarded.increment();
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    void impaired(boolean value) {
        impaired.set(value ? 1 : 0);
    }
}
