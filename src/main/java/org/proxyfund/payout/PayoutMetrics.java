package org.proxyfund.payout;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.proxyfund.common.metrics.DbGauges;

import javax.sql.DataSource;
import java.util.EnumSet;

/**
 * Payout gauges for alerts: batches per state, how long the oldest open batch has been in its state, whether this
 * replica is the payout leader (summed over replicas it must be exactly 1).
 */
@ApplicationScoped
public class PayoutMetrics {

    private static final EnumSet<BatchState> OPEN = EnumSet.of(BatchState.PROPOSED, BatchState.APPROVED,
            BatchState.AWAITING_SIGNATURES, BatchState.SIGNED,
            BatchState.BROADCAST);

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    PayoutLeader leader;

    private DbGauges gauges;

    void onStart(@Observes StartupEvent event) {
        gauges = new DbGauges(registry, dataSource);
        for (BatchState s : BatchState.values()) {
            gauges.register("proxyfund_payout_batches", "Payout batches in each state", "state", s.name());
        }
        for (BatchState s : OPEN) {
            gauges.register("proxyfund_payout_oldest_batch_age_seconds",
                    "Seconds since the oldest batch in this open state last changed (0 when none)", "state", s.name());
        }
        registry.gauge("proxyfund_payout_leader", leader, l -> l.holds() ? 1 : 0);
        refresh();
    }

    @Scheduled(every = "${proxyfund.metrics.refresh-every:30s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        for (BatchState s : BatchState.values()) {
            gauges.set("proxyfund_payout_batches", 0, "state", s.name());
        }
        for (BatchState s : OPEN) {
            gauges.set("proxyfund_payout_oldest_batch_age_seconds", 0, "state", s.name());
        }
        gauges.read("SELECT state, count(*), COALESCE(extract(epoch FROM now() - min(updated_at)), 0) FROM payout_batch GROUP BY state",
                rs -> {
                    BatchState s = BatchState.valueOf(rs.getString(1));
                    gauges.set("proxyfund_payout_batches", rs.getLong(2), "state", s.name());
                    if (OPEN.contains(s)) {
                        gauges.set("proxyfund_payout_oldest_batch_age_seconds", rs.getDouble(3), "state", s.name());
                    }
                });
    }
}
