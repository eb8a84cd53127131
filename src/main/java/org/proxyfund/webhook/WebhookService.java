package org.proxyfund.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.common.events.OperatorEvent;
import org.proxyfund.common.events.OperatorEventType;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditService;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An operator's webhook subscriptions: create (with a secret shown once), list, delete, re-enable, ping, redeliver. */
@ApplicationScoped
public class WebhookService {

    /** The context the signing secrets are encrypted under (SecretCipher). */
    static final String SECRET_CONTEXT = "webhook-secret";
    static final int MAX_URL = 2000;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookRepository repository;
    @Inject
    WebhookOutbox outbox;
    @Inject
    WebhookConfig config;
    @Inject
    HostGuard guard;
    @Inject
    SecretCipher cipher;
    @Inject
    AuditService audit;

    /** What a creation came to. */
    public sealed interface Creation {
        record Created(WebhookCreated created) implements Creation {
        }

        record Invalid(List<FieldError> errors) implements Creation {
        }

        record LimitReached(int limit) implements Creation {
        }
    }

    /**
     * Checks the URL (the SSRF guard resolves its host: network I/O, so before any transaction) and the event types,
     * then stores the subscription in a transaction of its own.
     */
    public Creation create(Actor actor, String url, List<String> events) {
        List<FieldError> errors = new ArrayList<>();
        String checkedUrl = checkUrl(url, errors);
        List<String> types = checkEvents(events, errors);
        if (!errors.isEmpty()) return new Creation.Invalid(errors);
        return QuarkusTransaction.requiringNew().call(() -> store(actor, checkedUrl, types));
    }

    private Creation store(Actor actor, String checkedUrl, List<String> types) {
        if (repository.count(actor.id()) >= config.perOperator()) return new Creation.LimitReached(config.perOperator());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        long id = repository.insertSubscription(actor.id(), checkedUrl, cipher.encrypt(secret, SECRET_CONTEXT), types);
        audit.record(actor.id(), actor.handle(), "WEBHOOK", id, "WEBHOOK_CREATED", checkedUrl + " " + types);
        return new Creation.Created(new WebhookCreated(repository.find(actor.id(), id).orElseThrow(), secret));
    }

    @Transactional
    public List<WebhookView> list(long accountId) {
        return repository.list(accountId);
    }

    @Transactional
    public Optional<WebhookView> find(long accountId, long id) {
        return repository.find(accountId, id);
    }

    @Transactional
    public boolean delete(Actor actor, long id) {
        boolean gone = repository.delete(actor.id(), id) == 1;
        if (gone) audit.record(actor.id(), actor.handle(), "WEBHOOK", id, "WEBHOOK_DELETED", null);
        return gone;
    }

    /** Makes a disabled subscription active again; its pending deliveries go out at the next round. */
    @Transactional
    public Optional<WebhookView> enable(Actor actor, long id) {
        if (repository.enable(actor.id(), id) == 0) return Optional.empty();
        audit.record(actor.id(), actor.handle(), "WEBHOOK", id, "WEBHOOK_ENABLED", null);
        return repository.find(actor.id(), id);
    }

    /** Queues a ping event to this one subscription; returns the event's id. */
    @Transactional
    public Optional<String> ping(long accountId, long id) {
        if (repository.find(accountId, id).isEmpty()) return Optional.empty();
        UUID event = outbox.store(new OperatorEvent(OperatorEventType.PING, accountId, Map.of("subscriptionId", id)), List.of(id));
        return Optional.of(event.toString());
    }

    /** Queues the event of one of this operator's deliveries again, as a new delivery to the same subscription. */
    @Transactional
    public Optional<Long> redeliver(Actor actor, long deliveryId) {
        Optional<WebhookRepository.Due> d = repository.delivery(actor.id(), deliveryId);
        if (d.isEmpty()) return Optional.empty();
        long again = repository.insertDelivery(d.get().subscriptionId(), UUID.fromString(d.get().eventId()));
        audit.record(actor.id(), actor.handle(), "WEBHOOK", d.get().subscriptionId(), "WEBHOOK_REDELIVERED",
                "delivery " + deliveryId + " again as " + again);
        return Optional.of(again);
    }

    /** The newest deliveries of one subscription with their attempts; empty when it is not this operator's. */
    @Transactional
    public Optional<List<DeliveryView>> deliveries(long accountId, long id, int limit) {
        if (repository.find(accountId, id).isEmpty()) return Optional.empty();
        return Optional.of(repository.deliveries(accountId, id, Math.max(1, Math.min(limit, 200))));
    }

    private String checkUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "webhook.url.missing", "Give the URL that receives the events."));
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(new FieldError("url", "webhook.url.too-long", "The URL is longer than " + MAX_URL + " characters."));
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "webhook.url.malformed", "The URL is not well-formed: " + e.getReason() + "."));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && !config.requireHttps())) {
            errors.add(new FieldError("url", "webhook.url.scheme", config.requireHttps()
                    ? "The URL must start with https://." : "The URL must start with https:// or http://."));
            return null;
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            errors.add(new FieldError("url", "webhook.url.malformed",
                    "The URL needs a host name and may carry neither a user name nor a #fragment."));
            return null;
        }
        HostVerdict verdict = guard.check(uri.getHost());
        if (!verdict.allowed()) {
            errors.add(new FieldError("url", "webhook.url.refused", "Webhooks are delivered to public addresses only: "
                    + verdict.message()));
            return null;
        }
        return uri.toString();
    }

    /** The event types a subscription may name (ping is sent on request only). */
    public static List<String> subscribable() {
        return java.util.Arrays.stream(OperatorEventType.values()).filter(t -> t != OperatorEventType.PING)
                .map(OperatorEventType::wireName).toList();
    }

    private static List<String> checkEvents(List<String> events, List<FieldError> errors) {
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "webhook.events.missing", "Name at least one event type."));
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String e : events) {
            Optional<OperatorEventType> t = OperatorEventType.byWireName(e);
            if (t.isEmpty() || t.get() == OperatorEventType.PING) {
                errors.add(new FieldError("events", "webhook.events.unknown", "Unknown event type: "
                        + (e == null ? "null" : e.length() > 40 ? e.substring(0, 40) + "..." : e)
                        + ". Known: " + String.join(", ", subscribable()) + "."));
            } else {
                types.add(t.get().wireName());
            }
        }
        return List.copyOf(types);
    }
}
