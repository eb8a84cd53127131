package org.proxyfund.probe.trial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DetailJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** endpoint_trial_check: claim the button (rate limit shared by replicas), store the result, read the latest. */
@ApplicationScoped
class TrialCheckRepository {

    /** The latest check asked for: when it was claimed and, once finished, what it found. */
    record Row(OffsetDateTime claimedAt, OffsetDateTime checkedAt, String status, String reason, String detail, Detail code) {
    }

    private static final String CLAIM = """
            INSERT INTO endpoint_trial_check AS t (endpoint_id, claimed_at) VALUES (?, now())
            ON CONFLICT (endpoint_id) DO UPDATE SET claimed_at = now()
            WHERE t.claimed_at <= now() - make_interval(secs => ?)
            RETURNING endpoint_id""";
    private static final String STORE = """
            UPDATE endpoint_trial_check SET checked_at = now(), status = ?, reason = ?, detail = ?, detail_code = ?::jsonb WHERE endpoint_id = ?""";
    private static final String LATEST = """
            SELECT claimed_at, checked_at, status, reason, detail, detail_code::text FROM endpoint_trial_check WHERE endpoint_id = ?""";

    @Inject
    DataSource dataSource;

    /** Claims the endpoint's next check if the last one was claimed at least {@code every} ago; false: too soon. */
    boolean claim(long endpointId, Duration every) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setLong(1, endpointId);
            st.setDouble(2, every.toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming a check of endpoint " + endpointId + " failed", e);
        }
    }

    void store(long endpointId, CheckResult result) {
        String detail = result.detail() == null ? "" : result.detail();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(STORE)) {
            st.setString(1, result.status().name());
            st.setString(2, result.reason() == null ? null : result.reason().name());
            st.setString(3, detail.length() <= 500 ? detail : detail.substring(0, 497) + "...");
            st.setString(4, DetailJson.write(result.code()));
            st.setLong(5, endpointId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a check of endpoint " + endpointId + " failed", e);
        }
    }

    Optional<Row> latest(long endpointId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(LATEST)) {
            st.setLong(1, endpointId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Row(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), DetailJson.read(rs.getString(6))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the checks asked for on endpoint " + endpointId + " failed", e);
        }
    }
}
