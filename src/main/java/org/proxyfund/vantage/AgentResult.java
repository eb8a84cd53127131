package org.proxyfund.vantage;

import java.time.Instant;

/**
 * One result an agent sends for a lease: the status (UP, DOWN, UNKNOWN), the DOWN reason's name, the latency of an
 * UP, its detail in English, when the check ran, and the detail's message key (e.g. tcp_timeout; may be null).
 */
public record AgentResult(long leaseId, String status, String reason, Integer latencyMs, String detail, Instant checkedAt,
                          String detailKey) {
}
