package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.canary.CanarySightings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether one result an agent sent counts. A result for a lease that is not the agent's, already answered, or
 * malformed is refused and not kept (there is nothing to keep it against); a late one is kept, refused. An UP counts
 * only when one of the lease's nonces reached the canary, and none of them from the agent's own address (the one it
 * leased or pushes from): an agent cannot make an UP without the proxy carrying the nonce. Such a refused UP is
 * counted against the agent ({@link #FALSE_UPS}).
 */
@ApplicationScoped
public class ResultRules {

    /** How far an agent's clock may run ahead of the service's in a result's check time. */
    static final Duration CLOCK_AHEAD = Duration.ofMinutes(1);
    /** The UP's nonce never reached the canary. */
    static final String NEVER_ARRIVED = "up.nonce_never_arrived";
    /** The UP's nonce reached the canary from the agent's own address, not through the proxy. */
    static final String FROM_AGENT = "up.nonce_from_agent";
    /** Refusals that flag the agent. */
    static final Set<String> FALSE_UPS = Set.of(NEVER_ARRIVED, FROM_AGENT);

    private static final Set<String> STATUSES = Set.of("UP", "DOWN", "UNKNOWN");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.%\\[\\]]+");
    private static final Pattern DETAIL_KEY = Pattern.compile("[a-z0-9_]{1,60}");

    @Inject
    CanarySightings sightings;

    /** The lease to keep the result against (null: not kept) and the refusal code (null: it counts). */
    record Judgement(WorkRepository.Lease lease, String refusal) {
    }

    /** Where the nonces of these leases arrived from (one query for a whole push). */
    Map<String, List<String>> sightingsOf(List<WorkRepository.Lease> leases) {
        return sightings.sources(leases.stream().flatMap(l -> l.nonces().stream()).distinct().toList());
    }

    Judgement judge(Agent agent, AgentResult r, WorkRepository.Lease lease, Instant now, String pushAddress,
                    Map<String, List<String>> seen) {
        if (lease == null || lease.agentId() != agent.id()) return new Judgement(null, "lease.unknown");
        if (lease.completedAt() != null) return new Judgement(null, "lease.done");
        if (!wellFormed(r, lease, now)) return new Judgement(null, "result.invalid");
        if (now.isAfter(lease.deadlineAt())) return new Judgement(lease, "lease.expired");
        if ("UP".equals(r.status())) {
            String evidence = upEvidence(lease, pushAddress, seen);
            if (evidence != null) return new Judgement(lease, evidence);
        }
        return new Judgement(lease, null);
    }

    /** Null when the lease's nonces back an UP; else the refusal. */
    private static String upEvidence(WorkRepository.Lease lease, String pushAddress, Map<String, List<String>> seen) {
        List<String> sources = lease.nonces().stream().filter(seen::containsKey).flatMap(n -> seen.get(n).stream()).toList();
        if (sources.isEmpty()) return NEVER_ARRIVED;
        boolean fromAgent = sources.stream()
                .anyMatch(source -> same(source, lease.agentAddress()) || same(source, pushAddress));
        return fromAgent ? FROM_AGENT : null;
    }

    /** Whether two IP literals are one address (an IPv4-mapped IPv6 address is its IPv4 address). */
    static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        try {
            return Objects.equals(InetAddress.getByName(literal(a)), InetAddress.getByName(literal(b)));
        } catch (UnknownHostException e) {
            return a.equals(b);
        }
    }

    /** Only IP literals reach InetAddress (never a DNS lookup): anything else is compared as text. */
    private static String literal(String address) throws UnknownHostException {
        if (!IP_LITERAL.matcher(address).matches()) throw new UnknownHostException(address);
        return address;
    }

    private static boolean wellFormed(AgentResult r, WorkRepository.Lease lease, Instant now) {
        if (r.status() == null || !STATUSES.contains(r.status()) || r.checkedAt() == null) return false;
        if (r.detailKey() != null && !DETAIL_KEY.matcher(r.detailKey()).matches()) return false;
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
