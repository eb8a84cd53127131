package org.proxyfund.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON bodies proxyfund POSTs to subscribers, one record per event type, for the OpenAPI document (callbacks of the
 * subscription). Every body is {@code {id, type, version, createdAt, data}}; {@code version} (1) changes when a type's
 * shape changes. The sender writes the maps of {@code common/events/OperatorEvent}; these records only describe them.
 */
final class EventPayloads {

    private EventPayloads() {
    }

    @Schema(name = "PingData")
    record PingData(long subscriptionId) {
    }

    @Schema(name = "PayoutSentData")
    record PayoutSentData(long batchId, String txid, @Schema(description = "your outputs' sum, satoshis") long amountSats) {
    }

    @Schema(name = "PayoutConfirmedData")
    record PayoutConfirmedData(long batchId, String txid, long amountSats, int confirmations) {
    }

    @Schema(name = "EndpointDownData")
    record EndpointDownData(long endpointId, String label,
                            @Schema(format = "date-time", description = "the outage's first failed check") String since,
                            @Schema(description = "the down reason's code, e.g. CONNECT_REFUSED") String reason) {
    }

    @Schema(name = "EndpointRecoveredData")
    record EndpointRecoveredData(long endpointId, String label, @Schema(format = "date-time") String since,
                                 @Schema(format = "date-time") String at) {
    }

    @Schema(name = "EndpointStaleData")
    record EndpointStaleData(long endpointId, String label, long staleAfterMinutes) {
    }

    @Schema(name = "WebhookDisabledData")
    record WebhookDisabledData(long subscriptionId, String url, String reason) {
    }

    @Schema(name = "PingEvent", description = "type ping, version 1")
    record PingEvent(String id, @Schema(enumeration = "ping") String type, int version,
                     @Schema(format = "date-time") String createdAt, PingData data) {
    }

    @Schema(name = "PayoutSentEvent", description = "type payout.sent, version 1")
    record PayoutSentEvent(String id, @Schema(enumeration = "payout.sent") String type, int version,
                           @Schema(format = "date-time") String createdAt, PayoutSentData data) {
    }

    @Schema(name = "PayoutConfirmedEvent", description = "type payout.confirmed, version 1")
    record PayoutConfirmedEvent(String id, @Schema(enumeration = "payout.confirmed") String type, int version,
                                @Schema(format = "date-time") String createdAt, PayoutConfirmedData data) {
    }

    @Schema(name = "PayoutLeftChainEvent", description = "type payout.left_chain, version 1")
    record PayoutLeftChainEvent(String id, @Schema(enumeration = "payout.left_chain") String type, int version,
                                @Schema(format = "date-time") String createdAt, PayoutSentData data) {
    }

    @Schema(name = "EndpointDownEvent", description = "type endpoint.down, version 1: once per confirmed outage")
    record EndpointDownEvent(String id, @Schema(enumeration = "endpoint.down") String type, int version,
                             @Schema(format = "date-time") String createdAt, EndpointDownData data) {
    }

    @Schema(name = "EndpointRecoveredEvent", description = "type endpoint.recovered, version 1: only after an endpoint.down")
    record EndpointRecoveredEvent(String id, @Schema(enumeration = "endpoint.recovered") String type, int version,
                                  @Schema(format = "date-time") String createdAt, EndpointRecoveredData data) {
    }

    @Schema(name = "EndpointStaleEvent", description = "type endpoint.stale, version 1: once until results come again")
    record EndpointStaleEvent(String id, @Schema(enumeration = "endpoint.stale") String type, int version,
                              @Schema(format = "date-time") String createdAt, EndpointStaleData data) {
    }

    @Schema(name = "WebhookDisabledEvent", description = "type webhook.disabled, version 1")
    record WebhookDisabledEvent(String id, @Schema(enumeration = "webhook.disabled") String type, int version,
                                @Schema(format = "date-time") String createdAt, WebhookDisabledData data) {
    }
}
