package org.proxyfund.probe.history;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.proxyfund.common.metrics.DbGauges;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointState;

import javax.sql.DataSource;
import java.util.List;

/**
 * Gauges of the whole fleet of operators' endpoints: how many in each state, how many approved ones are down now,
 * how many approved ones are overdue for a check (the monitors are not keeping up), and the fleet's uptime over the
 * last 24 hours from the hourly rollups (UNKNOWN does not count, as in settlement). Endpoint states come from
 * {@link EndpointQueries}; the down and overdue counts from probe's own check_schedule rows of the approved ids.
 */
@ApplicationScoped
public class FleetMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    EndpointQueries endpoints;

    private DbGauges gauges;

    void onStart(@Observes StartupEvent event) {
        gauges = new DbGauges(registry, dataSource);
        for (EndpointState s : EndpointState.values()) {
            gauges.register("proxyfund_endpoints", "Operators' endpoints in each state", "state", s.name());
        }
        gauges.register("proxyfund_endpoints_down", "Approved endpoints whose latest check was DOWN");
        gauges.register("proxyfund_endpoints_overdue", "Approved endpoints whose check is more than 5 minutes overdue");
        gauges.register("proxyfund_fleet_uptime_ratio_24h", "UP / (UP + DOWN) of all checks of the last 24 hours");
        refresh();
    }

    @Scheduled(every = "${proxyfund.metrics.refresh-every:30s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        for (EndpointState s : EndpointState.values()) {
            gauges.set("proxyfund_endpoints", 0, "state", s.name());
        }
        List<Long> approved = null;
        try {
            endpoints.countByState().forEach((state, n) -> gauges.set("proxyfund_endpoints", n, "state", state.name()));
            approved = endpoints.idsIn(EndpointState.APPROVED);
        } catch (RuntimeException e) {
            gauges.failed(e);
        }
        if (approved != null) {
            gauges.read("""
                    SELECT count(*) FILTER (WHERE s.last_status = 'DOWN'),
                           count(*) FILTER (WHERE s.next_check_at < now() - interval '5 minutes')
                    FROM check_schedule s JOIN unnest(?::bigint[]) AS a(id) ON a.id = s.endpoint_id""",
                    rs -> {
                        gauges.set("proxyfund_endpoints_down", rs.getLong(1));
                        gauges.set("proxyfund_endpoints_overdue", rs.getLong(2));
                    }, approved);
        }
        gauges.read("""
                SELECT sum(up_count)::float8 / NULLIF(sum(up_count) + sum(down_count), 0) FROM check_rollup_hourly
                WHERE hour_start >= date_trunc('hour', now()) - interval '24 hours'""",
                rs -> gauges.set("proxyfund_fleet_uptime_ratio_24h", rs.getObject(1) == null ? Double.NaN : rs.getDouble(1)));
    }
}
