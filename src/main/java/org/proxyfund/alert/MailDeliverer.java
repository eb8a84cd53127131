package org.proxyfund.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the mail that is due: takes it under a lease (short transaction), hands each to the SMTP server outside any
 * transaction, then records the outcome (another short transaction): sent; or retried after a wait that grows
 * four-fold per attempt; or, attempts used up, FAILED. Replicas share the work through the lease.
 */
@ApplicationScoped
class MailDeliverer {

    private static final Logger LOG = Logger.getLogger(MailDeliverer.class);

    @Inject
    MailRepository repository;
    @Inject
    MailSender sender;
    @Inject
    MailConfig config;

    @Scheduled(every = "${proxyfund.mail.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${proxyfund.mail.poll:5s}")
    void scheduled() {
        if (sender.enabled()) {
            runOnce();
        }
    }

    /** One round; returns the attempts made. */
    int runOnce() {
        Duration lease = config.deadline().multipliedBy(2).plusSeconds(5);
        List<MailRepository.Due> due = QuarkusTransaction.requiringNew().call(() -> repository.claim(config.batch(), lease));
        for (MailRepository.Due d : due) {
            MailSender.Outcome outcome = sender.send(d.recipient(), d.subject(), d.body());
            QuarkusTransaction.requiringNew().run(() -> record(d, outcome));
        }
        return due.size();
    }

    private void record(MailRepository.Due d, MailSender.Outcome outcome) {
        if (outcome.sent()) {
            repository.sent(d.id());
        } else if (d.attempts() < config.attempts()) {
            repository.retryAt(d.id(), Instant.now().plus(wait(d.attempts())), outcome.error());
        } else {
            repository.failed(d.id(), outcome.error());
            LOG.warnf("Mail %d given up after %d attempts: %s", d.id(), d.attempts(), outcome.error());
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
