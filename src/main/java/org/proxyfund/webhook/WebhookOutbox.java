package org.proxyfund.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.events.OperatorEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores each operator event, in the transaction that raised it, with one pending delivery per active subscription
 * of that operator to its type (an outbox: the sender delivers after the commit; a rollback takes the event with it).
 * An event nobody subscribed to is not stored.
 */
@ApplicationScoped
class WebhookOutbox {

    /** The payload's version: a receiver can tell a changed shape by it (docs/webhooks.md). */
    static final int VERSION = 1;

    @Inject
    WebhookRepository repository;
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes OperatorEvent event) {
        List<Long> subscriptions = repository.subscribed(event.accountId(), event.type().wireName());
        if (!subscriptions.isEmpty()) {
            store(event, subscriptions);
        }
    }

    /** Stores the event with a delivery to each of these subscriptions; returns the event's id. */
    UUID store(OperatorEvent event, List<Long> subscriptions) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", event.type().wireName());
        body.put("version", VERSION);
        body.put("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("data", new TreeMap<>(event.data()));
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an operator event's data must be JSON values: " + event, e);
        }
        repository.insertEvent(id, event.accountId(), event.type().wireName(), payload);
        subscriptions.forEach(s -> repository.insertDelivery(s, id));
        return id;
    }
}
