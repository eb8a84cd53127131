package org.proxyfund.payout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named facts of a batch event, stored as JSON in {@code payout_event.facts} beside the English detail: what the
 * history shows in the reader's language ({@link PayoutEventText}) and what the API gives scripts.
 */
final class PayoutEventFacts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PayoutEventFacts() {
    }

    /** The facts of a proposal: one part of a proposal split by the most outputs a transaction may have. */
    static Map<String, Object> proposed(int lines, long totalSats, int part, int parts) {
        return facts("lines", lines, "totalSats", totalSats, "part", part, "parts", parts);
    }

    /** The facts of a state machine's event. */
    static Map<String, Object> of(BatchEvent event) {
        return switch (event) {
            case BatchEvent.Revised e -> facts("fromRevision", e.fromRevision(), "toRevision", e.toRevision(), "totalSats", e.totalSats());
            case BatchEvent.ApprovalRecorded e -> facts("revision", e.revision(), "approvalsNeeded", e.approvalsNeeded());
            case BatchEvent.Approved e -> facts("revision", e.revision(), "adminIds", e.adminIds());
            case BatchEvent.Rejected e -> facts("reason", e.reason());
            case BatchEvent.AwaitingSignatures e -> facts("txid", e.txid());
            case BatchEvent.Signed e -> facts("txid", e.txid());
            case BatchEvent.ReplacementRecorded e -> facts("txid", e.txid(), "originalTxid", e.originalTxid());
            case BatchEvent.Broadcast e -> facts("txid", e.txid());
            case BatchEvent.Confirmed e -> facts("txid", e.txid(), "confirmations", e.confirmations());
            case BatchEvent.Failed e -> facts("from", e.from().name(), "reason", e.reason());
            case BatchEvent.LeftChain e -> facts("txid", e.txid());
        };
    }

    static String write(Map<String, Object> facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the facts of a batch event are plain values: " + facts, e);
        }
    }

    /** The stored facts; null (events written before the facts were kept, or unreadable JSON) gives null. */
    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Map<String, Object> facts(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }
}
