package org.proxyfund.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.events.OperatorEvent;

import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns each operator event that is an alert into the operator's channels, in the transaction that raised it: the
 * alert log (the feed, the digest) and, with e-mail on and a verified address, a mail in the outbox (one per alert, or
 * gathered into the daily digest). Webhook subscriptions get the same event through the webhook package.
 */
@ApplicationScoped
class AlertNotifier {

    @Inject
    AlertRepository repository;
    @Inject
    AlertSettingsStore settings;
    @Inject
    MailRepository mail;
    @Inject
    AlertAddresses addresses;
    @Inject
    MailConfig mailConfig;
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes OperatorEvent event) {
        if (AlertTexts.of(event.type(), event.data(), Locale.ENGLISH).isEmpty()) {
            return;
        }
        AlertSettings s = settings.of(event.accountId());
        Optional<MailRepository.Address> address = mail.address(event.accountId()).filter(MailRepository.Address::verified);
        boolean mailIt = s.email() && address.isPresent();
        repository.log(event.accountId(), event.type().wireName(), data(event), mailIt && s.digest());
        if (mailIt && !s.digest()) {
            AlertTexts.Text t = AlertTexts.of(event.type(), event.data(), Locale.forLanguageTag(address.get().language())).orElseThrow();
            addresses.mailIfVerified(event.accountId(), "ALERT", t.subject(), t.body() + "\n\n" + footer(address.get()) + "\n");
        }
    }

    String footer(MailRepository.Address a) {
        return org.proxyfund.web.Bundles.of(AlertMessages.class, Locale.forLanguageTag(a.language()))
                .footer(mailConfig.siteUrl().replaceAll("/+$", "") + "/dashboard");
    }

    private String data(OperatorEvent event) {
        try {
            return json.writeValueAsString(new TreeMap<>(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an operator event's data must be JSON values: " + event, e);
        }
    }
}
