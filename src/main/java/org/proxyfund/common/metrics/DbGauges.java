package org.proxyfund.common.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges whose values come from SQL, read on a schedule rather than on every scrape (a scrape must stay cheap and
 * several Prometheus servers may scrape each replica). A value not read yet, or whose query failed, is NaN, which
 * Prometheus shows as absent instead of as a plausible zero.
 */
public final class DbGauges {

    private static final Logger LOG = Logger.getLogger(DbGauges.class);

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    public DbGauges(MeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
    }

    /** Registers gauge {@code name} with {@code tags}; its value is what {@link #set} last stored under the same key. */
    public void register(String name, String help, String... tags) {
        String key = key(name, tags);
        values.putIfAbsent(key, Double.NaN);
        Gauge.builder(name, values, v -> v.getOrDefault(key, Double.NaN)).tags(Tags.of(tags)).description(help).register(registry);
    }

    public void set(String name, double value, String... tags) {
        values.put(key(name, tags), value);
    }

    /**
     * Runs {@code sql} with positional parameters (a {@code Collection} is bound as {@code bigint[]}) and hands each
     * row to {@code row}; on failure logs once per refresh and marks every value unknown.
     */
    public void read(String sql, RowReader row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i] instanceof Collection<?> ids ? c.createArrayOf("bigint", ids.toArray()) : params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            failed(e);
        }
    }

    /** A value source failed: logs it and marks every value unknown until the next successful read. */
    public void failed(Exception e) {
        LOG.warnf("metrics query failed: %s", e.getMessage());
        values.replaceAll((k, v) -> Double.NaN);
    }

    /** One result row into gauge values. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static String key(String name, String... tags) {
        return name + String.join(",", tags);
    }
}
