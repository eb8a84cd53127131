package org.proxyfund.common.events;

import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to one operator's money or endpoints, fired as a CDI event (synchronously, in the
 * transaction of the change) by the package that made it so. The webhook package stores it in that same
 * transaction: an event is never lost, and never raised for a change that rolled back.
 *
 * @param type      what happened
 * @param accountId the operator it happened to
 * @param data      the facts, as JSON-ready values (strings, numbers, booleans); amounts in satoshis
 */
public record OperatorEvent(OperatorEventType type, long accountId, Map<String, Object> data) {

    public OperatorEvent {
        Objects.requireNonNull(type, "type");
        data = Map.copyOf(data);
    }
}
