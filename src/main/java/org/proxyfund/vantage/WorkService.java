package org.proxyfund.vantage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.endpoint.EndpointFacts;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointTarget;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.canary.Canary;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Instant;

/**
 * Hands agents their region's work and takes their results. Each endpoint × region is due once per interval
 * (agent_schedule, claimed with SKIP LOCKED so replicas and agents never share a check); a lease not answered by its
 * deadline falls due again for another agent, and its late result is refused, so nothing is lost or doubled.
 */
@ApplicationScoped
public class WorkService {

    /** Canary frames per leased check: the canary connection, its retry at a second address and the two controls. */
    static final int FRAMES_PER_CHECK = 4;

    /**
     * The protocols agents check: those whose relay proof is a canary nonce, so the canary can tell where an agent's
     * nonce came from. The others (MTProto, WireGuard, OpenVPN) stay with the central monitor.
     */
    static final Set<String> AGENT_TYPES = Set.of("SOCKS5", "HTTP_CONNECT", "SHADOWSOCKS");

    private static final Logger LOG = Logger.getLogger(WorkService.class);

    @Inject
    WorkRepository repository;

    @Inject
    AgentRepository agents;

    @Inject
    EndpointQueries endpoints;

    @Inject
    SecretCipher cipher;

    @Inject
    Canary canary;

    @Inject
    ObjectMapper json;

    @Inject
    VantageConfig config;

    @Inject
    ResultRules rules;

    @Inject
    Controls controls;

    @Inject
    Impairments impairments;

    /**
     * Up to {@code max} checks due in the agent's region, leased to it until their deadline. The control endpoints
     * are among them whatever region they serve, leased exactly like the others, so an agent cannot tell them apart.
     */
    @Transactional
    public List<AgentWork> lease(Agent agent, int max, Instant now, String address) {
        List<Long> approved = endpoints.idsIn(EndpointState.APPROVED);
        Set<Long> controlIds = controls.ids();
        List<Long> inRegion = endpoints.facts(approved).values().stream()
                .filter(f -> f.retiredAt() == null && AGENT_TYPES.contains(f.type())
                        && (AgentService.normaliseRegion(f.region()).equals(agent.region()) || controlIds.contains(f.endpointId())))
                .map(EndpointFacts::endpointId).sorted().toList();
        repository.ensureScheduled(inRegion, agent.region(), now);
        Instant deadline = now.plus(config.leaseTime());
        List<Long> claimed = repository.claimDue(inRegion, agent.region(), now, deadline, Math.max(1, Math.min(max, config.maxLease())));
        Map<Long, EndpointTarget> targets = endpoints.targets(claimed);
        // Everything but the lease rows first, then the lease rows in one statement.
        record Prepared(EndpointTarget target, Map<String, String> fields, MonitorCredential credential, List<AgentWork.Frame> frames) {
        }
        Map<Long, Prepared> prepared = new java.util.LinkedHashMap<>();
        Map<Long, List<String>> noncesByEndpoint = new java.util.HashMap<>();
        for (long id : claimed) {
            EndpointTarget t = targets.get(id);
            Map<String, String> fields;
            MonitorCredential credential;
            try {
                fields = json.readValue(t.protocolFields(), new TypeReference<Map<String, String>>() { });
                credential = MonitorCredential.decode(cipher.decrypt(t.credentialEnc(), EndpointService.context(id)));
            } catch (Exception e) {
                // The service cannot read its own stored data (a rotated-out key): nothing to hand out; the central
                // monitor reports the same endpoint UNKNOWN.
                LOG.warnf("endpoint %d: stored credential or fields unreadable (%s); not leased", id, e.getClass().getSimpleName());
                continue;
            }
            List<AgentWork.Frame> frames = new ArrayList<>(FRAMES_PER_CHECK);
            List<String> nonces = new ArrayList<>(FRAMES_PER_CHECK);
            for (int i = 0; i < FRAMES_PER_CHECK; i++) {
                byte[] frame = canary.newAgentFrame();
                frames.add(new AgentWork.Frame(Base64.getEncoder().encodeToString(frame),
                        Base64.getEncoder().encodeToString(canary.expectedAnswer(frame))));
                nonces.add(HexFormat.of().formatHex(Canary.nonceOf(frame)));
            }
            prepared.put(id, new Prepared(t, fields, credential, frames));
            noncesByEndpoint.put(id, nonces);
        }
        Map<Long, Long> leaseIds = repository.insertLeases(agent.id(), agent.region(), noncesByEndpoint, now, deadline, address);
        List<AgentWork> out = new ArrayList<>(prepared.size());
        prepared.forEach((id, p) -> out.add(new AgentWork(leaseIds.get(id), p.target().type().name(), p.target().host(),
                p.target().port(), p.fields(), p.credential().values(), p.frames(), deadline)));
        return out;
    }

    /** What a push came to: how many results were kept as counting, and each refused one with its code. */
    public record PushOutcome(int accepted, List<Refusal> refused) {
        /** A refused result. */
        public record Refusal(long leaseId, String code) {
        }
    }

    /** Takes a batch of the agent's results; each is judged on its own and every judged one is kept for audit. */
    @Transactional
    public PushOutcome accept(Agent agent, List<AgentResult> results, Instant now, String address) {
        int accepted = 0;
        int falseUps = 0;
        List<PushOutcome.Refusal> refused = new ArrayList<>();
        // Set-based: one statement locks the batch's leases, one asks where the UPs' nonces arrived, one inserts the
        // results, one completes the leases, one reschedules; a batch of 500 costs five round trips, not 2,000.
        Map<Long, WorkRepository.Lease> leases = repository.lockLeases(results.stream().map(AgentResult::leaseId).distinct().toList());
        Map<String, List<String>> seen = rules.sightingsOf(results.stream().filter(r -> "UP".equals(r.status()))
                .map(r -> leases.get(r.leaseId())).filter(java.util.Objects::nonNull).toList());
        java.util.Set<Long> judged = new java.util.HashSet<>();
        List<WorkRepository.StoredResult> rows = new ArrayList<>();
        List<Long> completed = new ArrayList<>();
        List<Long> dueEndpoints = new ArrayList<>();
        List<Long> dueAtMillis = new ArrayList<>();
        for (AgentResult r : results) {
            ResultRules.Judgement j = judged.add(r.leaseId())
                    ? rules.judge(agent, r, leases.get(r.leaseId()), now, address, seen)
                    : new ResultRules.Judgement(null, "lease.done");
            if (j.lease() == null) {
                refused.add(new PushOutcome.Refusal(r.leaseId(), j.refusal()));
                continue;
            }
            WorkRepository.Lease lease = j.lease();
            rows.add(new WorkRepository.StoredResult(lease.id(), agent.id(), lease.endpointId(), lease.region(),
                    r.checkedAt(), now, r.status(), "DOWN".equals(r.status()) ? r.reason() : null,
                    "UP".equals(r.status()) ? r.latencyMs() : null, clip(r.detail()), j.refusal(), r.detailKey()));
            completed.add(lease.id());
            if (j.refusal() == null) {
                accepted++;
                dueEndpoints.add(lease.endpointId());
                dueAtMillis.add(lease.leasedAt().plus(config.interval()).toEpochMilli());
            } else {
                refused.add(new PushOutcome.Refusal(r.leaseId(), j.refusal()));
                if (ResultRules.FALSE_UPS.contains(j.refusal())) falseUps++;
            }
        }
        repository.insertResults(rows);
        impairments.judge(rows);
        repository.completeAll(completed, now);
        repository.rescheduleAll(agent.region(), dueEndpoints, dueAtMillis);
        agents.count(agent.id(), accepted, refused.size(), falseUps);
        return new PushOutcome(accepted, refused);
    }

    private static String clip(String detail) {
        return detail == null ? "" : detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }
}
