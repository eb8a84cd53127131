package org.proxyfund.vantage;

import java.time.Instant;

/**
 * One result an agent sends for a lease: the status (UP, DOWN, UNKNOWN), the DOWN reason's name, the latency of an
 * UP, its detail in English, and when the check ran.
 */
public record AgentResult(long leaseId, String status, String reason, Integer latencyMs, String detail, Instant checkedAt) {
}
