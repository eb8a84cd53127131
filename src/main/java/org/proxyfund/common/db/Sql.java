package org.proxyfund.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one helper for hand-written SQL: positional {@code ?} parameters, rows mapped by a {@link RowMapper}, failures
 * as IllegalStateException naming the statement. Runs on the pooled connection of the caller's transaction when there
 * is one (as Hibernate does), so a repository's SQL and Panache writes commit together.
 * Parameters: an {@link Instant} is bound as UTC {@code timestamptz}, a {@code Collection<Long>} or {@code Long[]} as
 * {@code bigint[]} (for {@code = ANY (?)}), anything else as JDBC binds it.
 */
@ApplicationScoped
public class Sql {

    /** Rows fetched per round trip inside a transaction: big reads (100,000 rows) stream instead of filling memory twice. */
    private static final int FETCH_SIZE = 10_000;

    private final DataSource ds;

    /** Over the application's data source (CDI), or any other one (tests' fixtures, tools). */
    @Inject
    public Sql(DataSource ds) {
        this.ds = ds;
    }

    /** Every row the query returns, mapped. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            ps.setFetchSize(FETCH_SIZE);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** The first row the query returns, mapped, if any. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs an INSERT, UPDATE, DELETE or SET; returns the number of rows it changed. */
    public int update(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof Collection<?> ids) {
                ps.setArray(i + 1, c.createArrayOf("bigint", ids.toArray()));
            } else if (p instanceof Long[] ids) {
                ps.setArray(i + 1, c.createArrayOf("bigint", ids));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
