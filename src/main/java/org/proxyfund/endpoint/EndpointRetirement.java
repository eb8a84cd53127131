package org.proxyfund.endpoint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditService;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The owner retires an endpoint: RETIRED is final. The scheduler leases only APPROVED endpoints, so it is never checked
 * again and earns nothing more; it stops counting against the per-operator limit and gives its host:port up; its
 * checks, rollups, settlement lines and payouts stay exactly as they were (nothing is deleted).
 */
@ApplicationScoped
public class EndpointRetirement {

    /** What became of a retirement. */
    public enum Outcome { RETIRED, ALREADY_RETIRED, NOT_FOUND }

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    /** Retires one of the account's endpoints; retiring twice changes nothing; another operator's is NOT_FOUND. */
    public Outcome retire(long accountId, long endpointId, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Endpoint e = em.find(Endpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || e.accountId != accountId) {
                return Outcome.NOT_FOUND;
            }
            if (!e.state.live()) {
                return Outcome.ALREADY_RETIRED;
            }
            audit.record(actor.id(), actor.handle(), "ENDPOINT", e.id, "RETIRED", e.address());
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            EndpointAddressVersion.update("validTo = ?1 where endpointId = ?2 and validTo is null", now, e.id);
            e.state = EndpointState.RETIRED;
            e.retiredAt = now;
            e.updatedAt = now;
            return Outcome.RETIRED;
        });
    }
}
