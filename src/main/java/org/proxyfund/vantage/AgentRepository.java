package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.RowMapper;
import org.proxyfund.common.db.Sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The vantage package's own SQL over agent, agent_enrollment_token and agent_request_nonce. */
@ApplicationScoped
class AgentRepository {

    private static final String COLUMNS = "id, name, region, network_label, state, public_key, last_contact_at, last_address,"
            + " accepted_count, refused_count, created_at, created_by, revoked_at, revoked_by, false_up_count";

    private static final RowMapper<Agent> AGENT = rs -> new Agent(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), AgentState.valueOf(rs.getString(5)), rs.getBytes(6), instant(rs.getTimestamp(7)), rs.getString(8),
            rs.getLong(9), rs.getLong(10), instant(rs.getTimestamp(11)), rs.getString(12), instant(rs.getTimestamp(13)),
            rs.getString(14), rs.getLong(15));

    @Inject
    Sql sql;

    long insert(String name, String region, String networkLabel, String createdBy, Instant now) {
        return sql.one("INSERT INTO agent (name, region, network_label, state, created_at, created_by) VALUES (?, ?, ?, 'ENROLLING', ?, ?)"
                + " RETURNING id", rs -> rs.getLong(1), name, region, networkLabel, now, createdBy).orElseThrow();
    }

    void insertToken(long agentId, byte[] hash, Instant expiresAt) {
        sql.update("INSERT INTO agent_enrollment_token (agent_id, token_hash, expires_at) VALUES (?, ?, ?)", agentId, hash, expiresAt);
    }

    /** Spends a token once: the agent it belongs to, if it was unused, unexpired, and its agent still enrolling. */
    Optional<Long> spendToken(byte[] hash, Instant now) {
        return sql.one("UPDATE agent_enrollment_token t SET used_at = ? FROM agent a WHERE t.token_hash = ? AND t.used_at IS NULL"
                + " AND t.expires_at > ? AND a.id = t.agent_id AND a.state = 'ENROLLING' RETURNING t.agent_id", rs -> rs.getLong(1),
                now, hash, now);
    }

    Optional<Agent> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM agent WHERE id = ?", AGENT, id);
    }

    Optional<Agent> lock(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM agent WHERE id = ? FOR UPDATE", AGENT, id);
    }

    List<Agent> all() {
        return sql.query("SELECT " + COLUMNS + " FROM agent ORDER BY region, name, id", AGENT);
    }

    /** The one writer of agent.state. */
    void setState(long id, AgentState from, AgentState to, Instant now, String actor) {
        int n = switch (to) {
            case ACTIVE -> throw new IllegalArgumentException("activation goes through activate()");
            case REVOKED -> sql.update("UPDATE agent SET state = 'REVOKED', revoked_at = ?, revoked_by = ? WHERE id = ? AND state = ?",
                    now, actor, id, from.name());
            case ENROLLING -> throw new IllegalArgumentException("no agent goes back to ENROLLING");
        };
        if (n != 1) throw new IllegalStateException("agent " + id + " was not " + from);
    }

    void activate(long id, byte[] publicKey, Instant now, String address) {
        int n = sql.update("UPDATE agent SET state = 'ACTIVE', public_key = ?, enrolled_at = ?, last_contact_at = ?, last_address = ?"
                + " WHERE id = ? AND state = 'ENROLLING'", publicKey, now, now, address, id);
        if (n != 1) throw new IllegalStateException("agent " + id + " was not enrolling");
    }

    /** Records a request nonce; false when this agent already used it (a replay). */
    boolean useNonce(long agentId, String nonce, Instant now, Instant forgetBefore) {
        sql.update("DELETE FROM agent_request_nonce WHERE agent_id = ? AND seen_at < ?", agentId, forgetBefore);
        return sql.update("INSERT INTO agent_request_nonce (agent_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                agentId, nonce, now) == 1;
    }

    void contact(long agentId, Instant now, String address) {
        sql.update("UPDATE agent SET last_contact_at = ?, last_address = ? WHERE id = ?", now, address, agentId);
    }

    void count(long agentId, int accepted, int refused, int falseUps) {
        sql.update("UPDATE agent SET accepted_count = accepted_count + ?, refused_count = refused_count + ?,"
                + " false_up_count = false_up_count + ? WHERE id = ?", accepted, refused, falseUps, agentId);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
