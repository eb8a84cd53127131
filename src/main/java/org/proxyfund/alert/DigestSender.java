package org.proxyfund.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.events.OperatorEventType;
import org.proxyfund.web.Bundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The daily digest: for each operator who chose it, one mail with every alert since the last digest (each alert in one
 * line: its time and subject), queued in the mail outbox. An account's alerts are taken and queued in one transaction.
 */
@ApplicationScoped
class DigestSender {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    AlertRepository repository;
    @Inject
    MailRepository mail;
    @Inject
    AlertAddresses addresses;
    @Inject
    AlertNotifier notifier;
    @Inject
    ObjectMapper json;

    @Scheduled(cron = "${proxyfund.alert.digest-cron:0 0 6 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** Queues the digests that are due; returns how many. */
    int runOnce() {
        int queued = 0;
        for (long account : QuarkusTransaction.requiringNew().call(repository::digestAccounts)) {
            if (QuarkusTransaction.requiringNew().call(() -> digest(account))) queued++;
        }
        return queued;
    }

    private boolean digest(long account) {
        Optional<MailRepository.Address> address = mail.address(account).filter(MailRepository.Address::verified);
        List<AlertRepository.Logged> alerts = repository.takeDigest(account);
        if (alerts.isEmpty() || address.isEmpty()) return false;
        Locale locale = Locale.forLanguageTag(address.get().language());
        AlertMessages m = Bundles.of(AlertMessages.class, locale);
        StringBuilder body = new StringBuilder(m.digest_intro()).append("\n\n");
        for (AlertRepository.Logged a : alerts) {
            OperatorEventType.byWireName(a.type()).flatMap(t -> AlertTexts.of(t, data(a.data()), locale))
                    .ifPresent(t -> body.append(UTC.format(a.createdAt())).append("  ").append(t.subject()).append('\n'));
        }
        body.append('\n').append(notifier.footer(address.get())).append('\n');
        return addresses.mailIfVerified(account, "DIGEST", m.digest_subject(alerts.size()), body.toString());
    }

    private Map<String, Object> data(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
