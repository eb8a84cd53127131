package org.proxyfund.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.events.OperatorEventType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Public reads of an operator's alerts for other features (the private feed shows them unless turned off). */
@ApplicationScoped
public class AlertQueries {

    /** One alert as a reader shows it: its id, type (the event's wire name), subject and text in a language, time. */
    public record Shown(long id, String type, String subject, String body, Instant at) {
    }

    @Inject
    AlertRepository repository;
    @Inject
    AlertSettingsStore settings;
    @Inject
    ObjectMapper json;

    /** The operator's newest alerts, at most {@code limit}; none when the operator turned the feed channel off. */
    public List<Shown> forFeed(long accountId, Locale locale, int limit) {
        if (!settings.of(accountId).feed()) return List.of();
        return repository.recent(accountId, limit).stream().flatMap(a -> OperatorEventType.byWireName(a.type())
                .flatMap(t -> AlertTexts.of(t, data(a.data()), locale))
                .map(t -> new Shown(a.id(), a.type(), t.subject(), t.body(), a.createdAt())).stream()).toList();
    }

    private Map<String, Object> data(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
