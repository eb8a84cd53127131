package org.proxyfund.vantage;

import java.util.Map;
import java.util.Set;

/**
 * The life of a probe agent. Stored as text with a database CHECK; only {@link AgentService} moves it.
 * <ul>
 *   <li>ENROLLING → ACTIVE: the agent sent its public key with the one-time token.</li>
 *   <li>ENROLLING → REVOKED: an admin withdrew the agent before it enrolled (its token dies with it).</li>
 *   <li>ACTIVE → REVOKED: an admin withdrew the agent; its key is refused from then on.</li>
 * </ul>
 * REVOKED is final: a seized or retired agent never comes back; enroll a new one.
 */
public enum AgentState {
    ENROLLING, ACTIVE, REVOKED;

    private static final Map<AgentState, Set<AgentState>> ALLOWED = Map.of(
            ENROLLING, Set.of(ACTIVE, REVOKED),
            ACTIVE, Set.of(REVOKED),
            REVOKED, Set.of());

    /** Whether the move from this state to {@code next} is allowed. */
    public boolean canMoveTo(AgentState next) {
        return ALLOWED.get(this).contains(next);
    }
}
