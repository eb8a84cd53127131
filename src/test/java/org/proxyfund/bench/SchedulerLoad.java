package org.proxyfund.bench;

import org.proxyfund.probe.schedule.CheckScheduler;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Runs a real check scheduler (leases from PostgreSQL, checks on virtual threads, one short transaction per result)
 * for a fixed time and reads what it recorded back from check_result.
 */
final class SchedulerLoad {

    private SchedulerLoad() {
    }

    static Measurement run(String system, CheckScheduler scheduler, DataSource db, int endpoints, Duration duration,
                           long... measuredPids) throws Exception {
        OffsetDateTime from = now(db);
        Sampler sampler = Sampler.start(measuredPids);
        long started = System.nanoTime();
        scheduler.start();
        Thread.sleep(duration.toMillis());
        scheduler.stop();
        double seconds = (System.nanoTime() - started) / 1e9;
        Sampler.Totals totals = sampler.stop();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE status <> 'UP'),
                       coalesce(percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms), 0)
                FROM check_result WHERE monitor = ? AND checked_at >= ?""")) {
            st.setString(1, scheduler.monitorId());
            st.setObject(2, from);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Measurement(system, endpoints, rs.getLong(1), rs.getLong(2), seconds, totals.cpuSeconds(),
                        rs.getLong(3) * 1000, totals.peakRssBytes());
            }
        }
    }

    /** The shortest time between two checks of one endpoint by this monitor, in seconds; null if none was checked twice. */
    static Double minSpacingSeconds(DataSource db, String monitor) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT min(extract(epoch FROM gap)) FROM (
                    SELECT checked_at - lag(checked_at) OVER (PARTITION BY endpoint_id ORDER BY checked_at) AS gap
                    FROM check_result WHERE monitor = ?) gaps WHERE gap IS NOT NULL""")) {
            st.setString(1, monitor);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                double v = rs.getDouble(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private static OffsetDateTime now(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("SELECT now()");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }
}
