package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.db.Sql;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditService;
import org.proxyfund.endpoint.EndpointFacts;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointState;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Control endpoints: endpoints admins know to be up (their own proxies), mixed unannounced into every region's agent
 * leases. An agent that finds one DOWN while the central monitor finds it UP is impaired for that time
 * ({@link Impairments}). The only writer of {@code control_endpoint}; marking and unmarking are in the audit log.
 */
@ApplicationScoped
public class Controls {

    /** Audit subject of a mark: the endpoint. */
    static final String AUDIT_SUBJECT = "ENDPOINT";

    /** A control as listed on the admin page. */
    public record Control(long endpointId, Instant markedAt, String markedBy) {
    }

    /** Why a mark was refused, or null when it was made. */
    public enum Refusal { UNKNOWN_OR_NOT_APPROVED, NOT_AN_AGENT_PROTOCOL, ALREADY }

    @Inject
    Sql sql;

    @Inject
    AuditService audit;

    @Inject
    EndpointQueries endpoints;

    /** Marks an approved endpoint of a protocol agents check as a control. */
    @Transactional
    public Refusal mark(long endpointId, Actor actor, Instant now) {
        EndpointFacts f = endpoints.facts(List.of(endpointId)).get(endpointId);
        if (f == null || f.retiredAt() != null || !endpoints.idsIn(EndpointState.APPROVED).contains(endpointId)) {
            return Refusal.UNKNOWN_OR_NOT_APPROVED;
        }
        if (!WorkService.AGENT_TYPES.contains(f.type())) {
            return Refusal.NOT_AN_AGENT_PROTOCOL;
        }
        int added = sql.update("INSERT INTO control_endpoint (endpoint_id, marked_at, marked_by) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", endpointId, now, actor.handle());
        if (added == 0) {
            return Refusal.ALREADY;
        }
        audit.record(actor.id(), actor.handle(), AUDIT_SUBJECT, endpointId, "CONTROL_MARKED", "known up; mixed into agents' leases");
        return null;
    }

    /** Takes the mark off; false when the endpoint was no control. */
    @Transactional
    public boolean unmark(long endpointId, Actor actor) {
        if (sql.update("DELETE FROM control_endpoint WHERE endpoint_id = ?", endpointId) == 0) {
            return false;
        }
        audit.record(actor.id(), actor.handle(), AUDIT_SUBJECT, endpointId, "CONTROL_UNMARKED", "");
        return true;
    }

    /** Every control, in endpoint order. */
    public List<Control> list() {
        return sql.query("SELECT endpoint_id, marked_at, marked_by FROM control_endpoint ORDER BY endpoint_id",
                rs -> new Control(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
    }

    /** The ids of the controls. */
    Set<Long> ids() {
        return new HashSet<>(sql.query("SELECT endpoint_id FROM control_endpoint", rs -> rs.getLong(1)));
    }
}
