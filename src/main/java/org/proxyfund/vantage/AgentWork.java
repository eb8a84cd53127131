package org.proxyfund.vantage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One check an agent leased: what to check (type, address, protocol fields, the issued monitor credential), the canary
 * frames its relay proof must use (each with the answer that comes back, Base64), and when the result is due.
 * The endpoint's id and name are not given: the lease id is all the agent needs to report.
 */
public record AgentWork(long leaseId, String type, String host, int port, Map<String, String> fields,
                          Map<String, String> credential, List<Frame> frames, Instant deadline) {

    /** A canary frame and the answer the canary gives to it, Base64. */
    public record Frame(String frame, String answer) {
    }
}
