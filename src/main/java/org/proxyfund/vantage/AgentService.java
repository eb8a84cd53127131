package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditService;
import org.proxyfund.vantage.wire.SignedRequest;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Probe agents' lives: an admin creates one and gets its one-time enrollment token, the agent enrolls with its public
 * key, an admin revokes it. Every change is in the audit log (subject AGENT). The one writer of agent state.
 */
@ApplicationScoped
public class AgentService {

    /** Subject type of agents in the audit log. */
    public static final String AUDIT_SUBJECT = "AGENT";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgentRepository repository;

    @Inject
    AuditService audit;

    @Inject
    VantageConfig config;

    /** A new agent and the token to hand its volunteer (shown once; only its hash is kept). */
    public record Created(long agentId, String token) {
    }

    /** What enrollment came to. */
    public sealed interface Enrollment {
        /** Enrolled: the agent's id and the region it checks from. */
        record Enrolled(long agentId, String region) implements Enrollment {
        }

        /** Refused: the token is unknown, used, expired, or its agent revoked; or the key is not Ed25519. */
        record Refused(String code) implements Enrollment {
        }
    }

    /** The region as agents and endpoints are matched: trimmed, upper case. */
    public static String normaliseRegion(String region) {
        return region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
    }

    /** Creates an agent in ENROLLING with a fresh one-time token; the fields are checked by {@link AgentDraft}. */
    @Transactional
    public Created create(AgentDraft draft, Actor actor, Instant now) {
        long id = repository.insert(draft.name(), normaliseRegion(draft.region()), draft.networkLabel(), actor.handle(), now);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "pfa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        repository.insertToken(id, SignedRequest.sha256(token.getBytes()), now.plus(config.enrollmentTokenTtl()));
        audit.record(actor.id(), actor.handle(), AUDIT_SUBJECT, id, "AGENT_CREATED",
                "name=" + draft.name() + " region=" + normaliseRegion(draft.region()) + " network=" + draft.networkLabel());
        return new Created(id, token);
    }

    /** Spends the token once and keeps the agent's Ed25519 public key (X.509, Base64); nothing secret is stored. */
    @Transactional
    public Enrollment enroll(String token, String publicKeyBase64, String address, Instant now) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(publicKeyBase64 == null ? "" : publicKeyBase64.strip());
            SignedRequest.publicKey(key);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return new Enrollment.Refused("agent.key_invalid");
        }
        if (token == null || token.length() > 200) return new Enrollment.Refused("agent.token_invalid");
        Optional<Long> agentId = repository.spendToken(SignedRequest.sha256(token.strip().getBytes()), now);
        if (agentId.isEmpty()) return new Enrollment.Refused("agent.token_invalid");
        Agent agent = repository.lock(agentId.get()).orElseThrow();
        if (!agent.state().canMoveTo(AgentState.ACTIVE)) return new Enrollment.Refused("agent.token_invalid");
        repository.activate(agent.id(), key, now, address);
        audit.record(null, AuditService.SYSTEM, AUDIT_SUBJECT, agent.id(), "AGENT_ENROLLED", "from " + address);
        return new Enrollment.Enrolled(agent.id(), agent.region());
    }

    /** Revokes an agent: false when it is unknown or already revoked. Its requests and results are refused from now. */
    @Transactional
    public boolean revoke(long agentId, Actor actor, Instant now) {
        Optional<Agent> agent = repository.lock(agentId);
        if (agent.isEmpty() || !agent.get().state().canMoveTo(AgentState.REVOKED)) return false;
        repository.setState(agentId, agent.get().state(), AgentState.REVOKED, now, actor.handle());
        audit.record(actor.id(), actor.handle(), AUDIT_SUBJECT, agentId, "AGENT_REVOKED", "was " + agent.get().state());
        return true;
    }

    /** Every agent, by region and name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Agent> list() {
        return repository.all();
    }

    /** One agent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Agent> find(long agentId) {
        return repository.find(agentId);
    }
}
