package org.proxyfund.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.common.events.OperatorEvent;
import org.proxyfund.common.events.OperatorEventType;
import org.proxyfund.common.identity.AuditService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends what is due: takes deliveries under a lease (short transaction), attempts each outside any transaction, then
 * records the attempt and its consequence (another short transaction): delivered; or retried after a wait that grows
 * four-fold per attempt; or, attempts used up, given up, and the subscription disabled once that happened
 * proxyfund.webhook.disable-after times in a row, which raises a webhook.disabled operator event (the operator is alerted). Replicas share the work through the lease.
 */
@ApplicationScoped
class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);

    @Inject
    WebhookRepository repository;
    @Inject
    WebhookSender sender;
    @Inject
    WebhookConfig config;
    @Inject
    SecretCipher cipher;
    @Inject
    AuditService audit;
    @Inject
    Event<OperatorEvent> events;

    @Scheduled(every = "${proxyfund.webhook.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${proxyfund.webhook.poll:5s}")
    void scheduled() {
        runOnce();
    }

    /** One round; returns the attempts made. */
    int runOnce() {
        Duration lease = config.deadline().multipliedBy(2).plusSeconds(5);
        List<WebhookRepository.Due> due = QuarkusTransaction.requiringNew().call(() -> repository.claim(config.batch(), lease));
        for (WebhookRepository.Due d : due) {
            WebhookSender.Outcome outcome = sender.send(d.url(), cipher.decrypt(d.secret(), WebhookService.SECRET_CONTEXT),
                    d.eventId(), d.type(), d.payload());
            QuarkusTransaction.requiringNew().run(() -> record(d, outcome));
        }
        return due.size();
    }

    private void record(WebhookRepository.Due d, WebhookSender.Outcome outcome) {
        repository.attempt(d.deliveryId(), outcome.status(), outcome.error(), outcome.durationMs());
        if (outcome.delivered()) {
            repository.delivered(d.deliveryId(), d.subscriptionId());
        } else if (d.attempts() < config.attempts()) {
            repository.retryAt(d.deliveryId(), Instant.now().plus(wait(d.attempts())));
        } else {
            int inARow = repository.givenUp(d.deliveryId(), d.subscriptionId());
            if (inARow >= config.disableAfter()) {
                String reason = inARow + " deliveries in a row failed after " + config.attempts() + " attempts each; last: "
                        + outcome.error();
                if (repository.disable(d.subscriptionId(), reason)) {
                    audit.record(null, AuditService.SYSTEM, "WEBHOOK", d.subscriptionId(), "WEBHOOK_DISABLED", reason);
                    repository.accountOf(d.subscriptionId()).ifPresent(account -> events.fire(new OperatorEvent(
                            OperatorEventType.WEBHOOK_DISABLED, account,
                            Map.of("subscriptionId", d.subscriptionId(), "url", d.url(), "reason", reason))));
                    LOG.warnf("Webhook subscription %d disabled: %s", d.subscriptionId(), reason);
                }
            }
        }
    }

    /** The wait after attempt n (1-based): first-retry, then four times the wait before. */
    Duration wait(int attempt) {
        Duration w = config.firstRetry();
        for (int i = 1; i < attempt && w.compareTo(Duration.ofDays(1)) < 0; i++) {
            w = w.multipliedBy(4);
        }
        return w;
    }
}
