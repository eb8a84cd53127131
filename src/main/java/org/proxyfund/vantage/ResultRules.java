package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import org.proxyfund.probe.DownReason;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Whether one result an agent sent counts. A result for a lease that is not the agent's, already answered, or
 * malformed is refused and not kept (there is nothing to keep it against); a late one is kept, refused.
 */
@ApplicationScoped
public class ResultRules {

    /** How far an agent's clock may run ahead of the service's in a result's check time. */
    static final Duration CLOCK_AHEAD = Duration.ofMinutes(1);

    private static final Set<String> STATUSES = Set.of("UP", "DOWN", "UNKNOWN");

    /** The lease to keep the result against (null: not kept) and the refusal code (null: it counts). */
    record Judgement(WorkRepository.Lease lease, String refusal) {
    }

    Judgement judge(Agent agent, AgentResult r, WorkRepository.Lease lease, Instant now) {
        if (lease == null || lease.agentId() != agent.id()) return new Judgement(null, "lease.unknown");
        if (lease.completedAt() != null) return new Judgement(null, "lease.done");
        if (!wellFormed(r, lease, now)) return new Judgement(null, "result.invalid");
        if (now.isAfter(lease.deadlineAt())) return new Judgement(lease, "lease.expired");
        return new Judgement(lease, null);
    }

    private static boolean wellFormed(AgentResult r, WorkRepository.Lease lease, Instant now) {
        if (r.status() == null || !STATUSES.contains(r.status()) || r.checkedAt() == null) return false;
        if (r.checkedAt().isBefore(lease.leasedAt().minus(CLOCK_AHEAD)) || r.checkedAt().isAfter(now.plus(CLOCK_AHEAD))) return false;
        if ("UP".equals(r.status()) && (r.latencyMs() == null || r.latencyMs() < 0)) return false;
        if ("DOWN".equals(r.status())) {
            if (r.reason() == null) return false;
            try {
                DownReason.valueOf(r.reason());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }
}
