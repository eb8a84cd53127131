package org.proxyfund.endpoint;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.common.crypto.SecretCipher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Verifies the ownership tokens of OpenVPN endpoints (pending or approved): first within a minute of registration,
 * at once after a rotation (a new address and a new token), then every {@code period} while found and every
 * {@code retry} while not. Lookups run outside any transaction (DNS, HTTP through the SSRF guard); one replica claims
 * each. The probe asks {@link #status(long)} before an OpenVPN check may count: without a verified token it earns
 * nothing. The endpoint page shows it.
 */
@ApplicationScoped
public class OwnershipService {

    private static final Logger LOG = Logger.getLogger(OwnershipService.class);
    /** How long a claimed lookup is reserved for the replica making it (DNS and HTTP each time out well before). */
    private static final Duration HOLD = Duration.ofMinutes(2);

    @Inject
    OwnershipRepository repository;

    @Inject
    OwnershipTokenVerifier verifier;

    @Inject
    SecretCipher cipher;

    @Inject
    OwnershipConfig config;

    @Scheduled(every = "60s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.enabled()) return;
        try {
            verifyDue(Instant.now(), config.httpPort());
        } catch (RuntimeException e) {
            LOG.warn("Looking for ownership tokens failed; trying again next minute", e);
        }
    }

    /** Looks for every token due at {@code now} (the well-known URL on {@code httpPort}); returns how many were looked for. */
    public int verifyDue(Instant now, int httpPort) {
        List<OwnershipRepository.Claim> claims = repository.claimDue(now, config.batchSize(), HOLD);
        for (OwnershipRepository.Claim claim : claims) {
            String token = MonitorCredential.decode(cipher.decrypt(claim.credentialEnc(), EndpointService.context(claim.endpointId())))
                    .get(MonitorCredential.OWNERSHIP_TOKEN).orElse("");
            OwnershipCheck found = verifier.verify(claim.host(), token, httpPort);
            repository.store(claim, found, now.plus(found.verified() ? config.period() : config.retry()));
            LOG.debugf("Ownership of endpoint %d: %s", claim.endpointId(), found.message());
        }
        return claims.size();
    }

    /** Whether the endpoint's token is verified for its current address, and what the latest look found. */
    public OwnershipStatus status(long endpointId) {
        return repository.status(endpointId);
    }
}
