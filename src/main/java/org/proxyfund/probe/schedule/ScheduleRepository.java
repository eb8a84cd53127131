package org.proxyfund.probe.schedule;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointTarget;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.DetailJson;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's SQL on check_schedule, check_result and monitor_round: each method is one short transaction on its
 * own connection, never held while a check runs. Which endpoints are approved, and where they are, comes from
 * {@link EndpointQueries}; a row whose endpoint is found not approved when claimed is parked
 * ({@code next_check_at = 'infinity'}) until {@link #insertMissing} sees the endpoint approved again.
 */
public class ScheduleRepository {

    private static final String INSERT_MISSING = """
            INSERT INTO check_schedule (endpoint_id, next_check_at)
            SELECT a.id, now() + random() * make_interval(secs => ?) FROM unnest(?::bigint[]) AS a(id)
            WHERE NOT EXISTS (SELECT 1 FROM check_schedule s WHERE s.endpoint_id = a.id)
            ON CONFLICT (endpoint_id) DO NOTHING""";
    /** A parked row (its endpoint was found not approved when claimed) whose endpoint is approved again is due at once. */
    private static final String UNPARK = """
            UPDATE check_schedule s SET next_check_at = now() FROM unnest(?::bigint[]) AS a(id)
            WHERE s.endpoint_id = a.id AND s.next_check_at = 'infinity'""";
    private static final String LEASE = """
            WITH due AS (
                SELECT s.endpoint_id FROM check_schedule s
                WHERE s.next_check_at <= now() AND (s.lease_owner IS NULL OR s.lease_expires_at < now())
                ORDER BY s.next_check_at LIMIT ? FOR UPDATE OF s SKIP LOCKED)
            UPDATE check_schedule s SET lease_owner = ?, lease_expires_at = now() + make_interval(secs => ?)
            FROM due WHERE s.endpoint_id = due.endpoint_id
            RETURNING s.endpoint_id, s.next_check_at, s.lease_expires_at, extract(epoch FROM now() - s.next_check_at)""";
    /** Gives up a claimed row whose endpoint is not approved and parks it, so it is never claimed again until unparked. */
    private static final String PARK = """
            UPDATE check_schedule SET lease_owner = NULL, lease_expires_at = NULL, next_check_at = 'infinity'
            WHERE endpoint_id = ? AND lease_owner = ? AND lease_expires_at = ?""";
    private static final String RECORD_SCHEDULE = """
            UPDATE check_schedule SET
                next_check_at = GREATEST(next_check_at + make_interval(secs => ?), now() + make_interval(secs => ?)),
                lease_owner = NULL, lease_expires_at = NULL, last_checked_at = ?, last_status = ?, last_reason = ?,
                last_detail = ?, last_detail_code = ?::jsonb, last_latency_ms = ?, last_weak_evidence = ?,
                down_since = CASE ? WHEN 'DOWN' THEN COALESCE(down_since, ?) WHEN 'UP' THEN NULL ELSE down_since END
            WHERE endpoint_id = ? AND lease_owner = ? AND lease_expires_at = ?""";
    private static final String INSERT_RESULT = """
            INSERT INTO check_result (endpoint_id, checked_at, status, reason, latency_ms, weak_evidence, attempts, monitor, detail,
                                      detail_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private static final String RELEASE = """
            UPDATE check_schedule SET lease_owner = NULL, lease_expires_at = NULL
            WHERE endpoint_id = ? AND lease_owner = ? AND lease_expires_at = ?""";

    private final DataSource dataSource;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final EndpointQueries endpoints;

    public ScheduleRepository(DataSource dataSource, SecretCipher cipher, ObjectMapper json, EndpointQueries endpoints) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.json = json;
        this.endpoints = endpoints;
    }

    /**
     * Gives every approved endpoint (as {@link EndpointQueries} lists them) without a schedule row one, due at a random
     * moment within one interval, and makes the parked row of an endpoint approved again due now.
     */
    public int insertMissing(Duration interval) {
        List<Long> approved = endpoints.idsIn(EndpointState.APPROVED);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT_MISSING);
             PreparedStatement unpark = c.prepareStatement(UNPARK)) {
            Array ids = c.createArrayOf("bigint", approved.toArray());
            insert.setDouble(1, seconds(interval));
            insert.setArray(2, ids);
            int inserted = insert.executeUpdate();
            unpark.setArray(1, ids);
            return inserted + unpark.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inserting missing check schedules failed", e);
        }
    }

    /**
     * Leases up to {@code limit} due approved endpoints for {@code monitor}, oldest due first, skipping rows others lock.
     * The claim reads check_schedule alone in one short transaction; the claimed endpoints' targets then come from
     * {@link EndpointQueries} in one query, and a claimed row whose endpoint is no longer approved (or gone) is parked
     * unchecked and its place claimed again, so the answer holds as many approved endpoints as are due, up to the limit.
     */
    public List<LeasedCheck> lease(String monitor, int limit, Duration leaseDuration) {
        List<LeasedCheck> out = new ArrayList<>();
        int wanted = limit;
        while (wanted > 0) {
            long leasedNanos = System.nanoTime();
            List<Object[]> claimed = claim(monitor, wanted, leaseDuration);
            Map<Long, EndpointTarget> targets = endpoints.targets(claimed.stream().map(r -> (Long) r[0]).toList());
            List<Object[]> notApproved = new ArrayList<>();
            for (Object[] r : claimed) {
                EndpointTarget t = targets.get((Long) r[0]);
                if (t == null || t.state() != EndpointState.APPROVED) notApproved.add(r);
                // Decryption and JSON parsing happen after the commit, so the transaction stays as short as the SQL.
                else out.add(toLease(r, t, leasedNanos));
            }
            park(monitor, notApproved);
            if (claimed.size() < wanted || notApproved.isEmpty()) break;
            wanted = notApproved.size();
        }
        return out;
    }

    /** Claims up to {@code limit} due rows in one short transaction: endpoint id, due time, lease expiry, lag in seconds. */
    private List<Object[]> claim(String monitor, int limit, Duration leaseDuration) {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(LEASE)) {
                st.setInt(1, limit);
                st.setString(2, monitor);
                st.setDouble(3, seconds(leaseDuration));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[]{rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
                                rs.getDouble(4)});
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("leasing due endpoints failed", e);
        }
        return rows;
    }

    private void park(String monitor, List<Object[]> claimed) {
        if (claimed.isEmpty()) return;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(PARK)) {
            for (Object[] r : claimed) {
                st.setLong(1, (Long) r[0]);
                st.setString(2, monitor);
                st.setObject(3, r[2]);
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("parking " + claimed.size() + " rows of endpoints not approved failed", e);
        }
    }

    /**
     * One check's outcome to record.
     *
     * @param aheadSeconds   the next check is due this long after the previous due time
     * @param catchUpSeconds ... and never sooner than this long from now (when the monitor fell behind)
     */
    public record Outcome(LeasedCheck lease, CheckResult result, int attempts, OffsetDateTime checkedAt,
                          double aheadSeconds, double catchUpSeconds) {
    }

    /**
     * Records results and releases their leases in ONE short transaction (group commit), each only while this monitor
     * still holds exactly that lease; element i of the answer is false (nothing written for it) when outcome i's lease
     * was lost, so a result is never recorded twice.
     */
    public boolean[] recordAll(String monitor, List<Outcome> outcomes) {
        boolean[] recorded = new boolean[outcomes.size()];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement(RECORD_SCHEDULE); PreparedStatement ins = c.prepareStatement(INSERT_RESULT)) {
                for (Outcome o : outcomes) {
                    bindSchedule(up, monitor, o);
                    up.addBatch();
                }
                int[] updated = up.executeBatch();
                for (int i = 0; i < outcomes.size(); i++) {
                    recorded[i] = updated[i] == 1;
                    if (!recorded[i]) continue;
                    bindResult(ins, monitor, outcomes.get(i));
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
                return recorded;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording " + outcomes.size() + " check results failed", e);
        }
    }

    private static void bindSchedule(PreparedStatement up, String monitor, Outcome o) throws SQLException {
        CheckResult result = o.result();
        String status = result.status().name();
        up.setDouble(1, o.aheadSeconds());
        up.setDouble(2, o.catchUpSeconds());
        up.setObject(3, o.checkedAt());
        up.setString(4, status);
        up.setString(5, result.reason() == null ? null : result.reason().name());
        up.setString(6, clip(result.detail()));
        up.setString(7, DetailJson.write(result.code()));
        setInt(up, 8, latencyMillis(result));
        up.setBoolean(9, result.weakEvidence());
        up.setString(10, status);
        up.setObject(11, o.checkedAt());
        up.setLong(12, o.lease().endpointId());
        up.setString(13, monitor);
        up.setObject(14, o.lease().leaseExpiresAt());
    }

    private static void bindResult(PreparedStatement ins, String monitor, Outcome o) throws SQLException {
        CheckResult result = o.result();
        ins.setLong(1, o.lease().endpointId());
        ins.setObject(2, o.checkedAt());
        ins.setString(3, result.status().name());
        ins.setString(4, result.reason() == null ? null : result.reason().name());
        setInt(ins, 5, latencyMillis(result));
        ins.setBoolean(6, result.weakEvidence());
        ins.setShort(7, (short) o.attempts());
        ins.setString(8, monitor);
        ins.setString(9, clip(result.detail()));
        ins.setString(10, DetailJson.write(result.code()));
    }

    private static Integer latencyMillis(CheckResult result) {
        return result.latency() == null ? null : (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis());
    }

    /**
     * Gives up leases without recording anything (a stopping monitor's unfinished checks): each row is released only
     * while this monitor still holds exactly that lease, and stays due, so any replica leases it at once.
     */
    public int release(String monitor, List<LeasedCheck> leases) {
        if (leases.isEmpty()) return 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(RELEASE)) {
            for (LeasedCheck l : leases) {
                st.setLong(1, l.endpointId());
                st.setString(2, monitor);
                st.setObject(3, l.leaseExpiresAt());
                st.addBatch();
            }
            int released = 0;
            for (int n : st.executeBatch()) released += Math.max(0, n);
            return released;
        } catch (SQLException e) {
            throw new IllegalStateException("releasing " + leases.size() + " leases failed", e);
        }
    }

    /** Writes the outcome of one self-check. */
    public void insertRound(String monitor, OffsetDateTime startedAt, boolean healthy, String detail) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO monitor_round (monitor, started_at, healthy, detail) VALUES (?, ?, ?, ?)")) {
            st.setString(1, monitor);
            st.setObject(2, startedAt);
            st.setBoolean(3, healthy);
            st.setString(4, clip(detail));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the monitor round failed", e);
        }
    }

    private LeasedCheck toLease(Object[] r, EndpointTarget t, long leasedNanos) {
        long id = (Long) r[0];
        Duration lag = Duration.ofNanos((long) ((Double) r[3] * 1e9));
        CheckTarget target = null;
        String unreadable = null;
        try {
            Map<String, String> fields = json.readValue(t.protocolFields(), new TypeReference<Map<String, String>>() { });
            MonitorCredential credential = MonitorCredential.decode(cipher.decrypt(t.credentialEnc(), EndpointService.context(id)));
            target = new CheckTarget(t.host(), t.port(), fields, credential);
        } catch (Exception e) {
            // The monitor cannot read its own stored data (e.g. a rotated-out key): not the operator's fault.
            unreadable = "the monitor could not read this endpoint's stored credential or fields: " + e.getClass().getSimpleName();
        }
        return new LeasedCheck(id, t.type(), target, unreadable, (OffsetDateTime) r[1], (OffsetDateTime) r[2], lag, leasedNanos);
    }

    private static void setInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) st.setNull(index, Types.INTEGER);
        else st.setInt(index, value);
    }

    private static String clip(String detail) {
        return detail == null ? "" : detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
