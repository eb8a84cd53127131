package org.proxyfund.vantage;

import java.time.Instant;

/**
 * A probe agent as stored: who it is, where it checks from, its state, its public key (null until it enrolls), when
 * and from where it last called, how many of its results were accepted and refused, and how many of the refused were
 * UPs its nonces did not back (a lying or broken agent).
 */
public record Agent(long id, String name, String region, String networkLabel, AgentState state, byte[] publicKey,
                    Instant lastContactAt, String lastAddress, long acceptedCount, long refusedCount, Instant createdAt,
                    String createdBy, Instant revokedAt, String revokedBy, long falseUpCount) {

    /** Whether the agent may call the service (enrolled and not revoked). */
    public boolean active() {
        return state == AgentState.ACTIVE;
    }
}
