package org.proxyfund.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The SQL of endpoint_ownership: claim due lookups (one replica each), store what they found, read the status. */
@ApplicationScoped
class OwnershipRepository {

    /** A claimed lookup: the endpoint's host, address version and encrypted credential (which holds the token). */
    record Claim(long endpointId, String host, int addressVersion, String credentialEnc) {
    }

    private static final String DUE = """
            SELECT e.id, e.host, e.address_version, e.credential_enc FROM endpoint e
            LEFT JOIN endpoint_ownership o ON o.endpoint_id = e.id
            WHERE e.type = 'OPENVPN' AND e.state IN ('PENDING', 'APPROVED')
              AND (o.endpoint_id IS NULL OR o.address_version <> e.address_version OR o.next_check_at <= ?)
              AND (o.claimed_until IS NULL OR o.claimed_until < now())
            ORDER BY e.id LIMIT ? FOR UPDATE OF e SKIP LOCKED""";
    private static final String CLAIM = """
            INSERT INTO endpoint_ownership (endpoint_id, address_version, claimed_until)
            VALUES (?, ?, now() + make_interval(secs => ?))
            ON CONFLICT (endpoint_id) DO UPDATE SET claimed_until = EXCLUDED.claimed_until""";
    private static final String STORE = """
            UPDATE endpoint_ownership SET address_version = ?, verified = ?, outcome = ?, method = ?, message = ?,
                checked_at = now(), verified_at = CASE WHEN ? THEN now() END, next_check_at = ?, claimed_until = NULL
            WHERE endpoint_id = ?""";
    private static final String STATUS = """
            SELECT o.verified, o.outcome, o.method, o.message, o.checked_at FROM endpoint e
            JOIN endpoint_ownership o ON o.endpoint_id = e.id AND o.address_version = e.address_version AND o.checked_at IS NOT NULL
            WHERE e.id = ?""";

    @Inject
    DataSource dataSource;

    /** Claims up to {@code limit} due lookups for {@code hold} in one short transaction. */
    List<Claim> claimDue(Instant now, int limit, Duration hold) {
        List<Claim> claims = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement due = c.prepareStatement(DUE); PreparedStatement claim = c.prepareStatement(CLAIM)) {
                due.setObject(1, now.atOffset(ZoneOffset.UTC));
                due.setInt(2, limit);
                try (ResultSet rs = due.executeQuery()) {
                    while (rs.next()) claims.add(new Claim(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
                for (Claim cl : claims) {
                    claim.setLong(1, cl.endpointId());
                    claim.setInt(2, cl.addressVersion());
                    claim.setDouble(3, hold.toMillis() / 1000.0);
                    claim.addBatch();
                }
                claim.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming ownership lookups failed", e);
        }
        return claims;
    }

    /** Stores what one lookup found, for the address version it was made for, and when to look again. */
    void store(Claim claim, OwnershipCheck found, Instant nextCheckAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(STORE)) {
            st.setInt(1, claim.addressVersion());
            st.setBoolean(2, found.verified());
            st.setString(3, found.outcome().name());
            st.setString(4, found.method().name());
            st.setString(5, found.message().length() <= 500 ? found.message() : found.message().substring(0, 497) + "...");
            st.setBoolean(6, found.verified());
            st.setObject(7, nextCheckAt.atOffset(ZoneOffset.UTC));
            st.setLong(8, claim.endpointId());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the ownership lookup of endpoint " + claim.endpointId() + " failed", e);
        }
    }

    /** The latest look for the endpoint's current address version. */
    OwnershipStatus status(long endpointId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(STATUS)) {
            st.setLong(1, endpointId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return OwnershipStatus.NOT_YET;
                return new OwnershipStatus(rs.getBoolean(1), OwnershipCheck.Outcome.valueOf(rs.getString(2)),
                        OwnershipCheck.Method.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ownership of endpoint " + endpointId + " failed", e);
        }
    }
}
