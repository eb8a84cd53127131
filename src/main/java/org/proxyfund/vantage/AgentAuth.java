package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.vantage.wire.SignedRequest;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks a probe agent's signed request (see {@link SignedRequest}): a known, active agent; a timestamp inside the
 * replay window; a valid Ed25519 signature over method, path, nonce and body; a nonce this agent never used (kept in
 * the database, so every replica refuses a replay). Records the agent's last contact and address.
 */
@ApplicationScoped
public class AgentAuth {

    @Inject
    AgentRepository repository;

    @Inject
    VantageConfig config;

    /** The headers of a signed request, as received. */
    public record Headers(String agent, String timestamp, String nonce, String signature) {
    }

    /** What the check came to. */
    public sealed interface Outcome {
        /** The request is the agent's. */
        record Accepted(Agent agent) implements Outcome {
        }

        /** Refused, with a stable code; {@code revoked} when the signature was right but the agent is revoked. */
        record Refused(String code, boolean revoked) implements Outcome {
        }
    }

    @Transactional
    public Outcome check(Headers h, String method, String path, byte[] body, String address, Instant now) {
        long agentId;
        long timestamp;
        try {
            agentId = Long.parseLong(h.agent());
            timestamp = Long.parseLong(h.timestamp());
        } catch (NumberFormatException | NullPointerException e) {
            return new Outcome.Refused("agent.signature_missing", false);
        }
        if (h.nonce() == null || !h.nonce().matches("[A-Za-z0-9_-]{16,64}") || h.signature() == null) {
            return new Outcome.Refused("agent.signature_missing", false);
        }
        Optional<Agent> found = repository.find(agentId);
        if (found.isEmpty() || found.get().publicKey() == null) return new Outcome.Refused("agent.signature_invalid", false);
        Agent agent = found.get();
        byte[] canonical = SignedRequest.canonical(method, path, agentId, timestamp, h.nonce(), body);
        if (!SignedRequest.verify(agent.publicKey(), canonical, h.signature())) {
            return new Outcome.Refused("agent.signature_invalid", false);
        }
        if (agent.state() == AgentState.REVOKED) return new Outcome.Refused("agent.revoked", true);
        long window = config.replayWindow().toMillis();
        if (Math.abs(now.toEpochMilli() - timestamp) > window) return new Outcome.Refused("agent.clock_outside_window", false);
        if (!repository.useNonce(agentId, h.nonce(), now, now.minusMillis(2 * window))) {
            return new Outcome.Refused("agent.replayed", false);
        }
        repository.contact(agentId, now, address);
        return new Outcome.Accepted(agent);
    }
}
