package org.proxyfund.probe.history;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.proxyfund.probe.schedule.ScheduleConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The write side of check history: rolls raw results up into hourly rows (idempotent upsert, recomputed from the raw
 * rows while they exist) and deletes what is past retention. Each job runs on one replica per period (advisory lock).
 */
@ApplicationScoped
public class RollupService {

    /** Advisory lock keys: one replica rolls up, one deletes, per period. */
    static final long ROLLUP_LOCK = 0x70660401L;
    static final long RETENTION_LOCK = 0x70660402L;

    private static final Logger LOG = Logger.getLogger(RollupService.class);
    private static final String ROLLUP = """
            INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count,
                                             latency_p50_ms, latency_p95_ms)
            SELECT endpoint_id, date_trunc('hour', checked_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                   count(*) FILTER (WHERE status = 'UP'), count(*) FILTER (WHERE status = 'DOWN'),
                   count(*) FILTER (WHERE status = 'UNKNOWN'), count(*) FILTER (WHERE status = 'UP' AND weak_evidence),
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)),
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms))
            FROM check_result WHERE checked_at >= ? AND checked_at < ?
            GROUP BY 1, 2
            ON CONFLICT (endpoint_id, hour_start) DO UPDATE SET up_count = EXCLUDED.up_count,
                down_count = EXCLUDED.down_count, unknown_count = EXCLUDED.unknown_count,
                weak_up_count = EXCLUDED.weak_up_count, latency_p50_ms = EXCLUDED.latency_p50_ms,
                latency_p95_ms = EXCLUDED.latency_p95_ms""";

    private final DataSource dataSource;
    private final ScheduleConfig config;

    public RollupService(DataSource dataSource, ScheduleConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The periodic job: the previous and current hour rolled up again, then retention; skipped when scheduling is off. */
    @Scheduled(every = "${proxyfund.probe.schedule.rollup-period:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        if (!config.enabled()) return;
        try {
            Instant now = Instant.now();
            rollUpHours(now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(5)));
            deleteExpired();
        } catch (RuntimeException e) {
            LOG.error("Check rollup or retention failed; next period retries", e);
        }
    }

    /**
     * Recomputes every hour from the one containing {@code from} up to {@code to} from the raw results, for each endpoint
     * with raw results in it; returns the hourly rows written, or -1 when another replica holds the job this moment.
     */
    public int rollUpHours(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        return inLockedTransaction(ROLLUP_LOCK, c -> {
            try (PreparedStatement st = c.prepareStatement(ROLLUP)) {
                st.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
                st.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                return st.executeUpdate();
            }
        });
    }

    /** Deletes raw results and monitor rounds past raw retention and rollups past rollup retention; -1 if another replica does it. */
    public int deleteExpired() {
        return inLockedTransaction(RETENTION_LOCK, c -> {
            int deleted = 0;
            deleted += delete(c, "DELETE FROM check_result WHERE checked_at < now() - make_interval(secs => ?)", config.rawRetention());
            deleted += delete(c, "DELETE FROM monitor_round WHERE started_at < now() - make_interval(secs => ?)", config.rawRetention());
            deleted += delete(c, "DELETE FROM check_rollup_hourly WHERE hour_start < now() - make_interval(secs => ?)", config.rollupRetention());
            return deleted;
        });
    }

    private static int delete(Connection c, String sql, Duration age) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setDouble(1, age.toSeconds());
            return st.executeUpdate();
        }
    }

    private interface Work {
        int run(Connection c) throws SQLException;
    }

    private int inLockedTransaction(long lockKey, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, lockKey);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            c.rollback();
                            return -1;
                        }
                    }
                }
                int n = work.run(c);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("check history job failed", e);
        }
    }
}
