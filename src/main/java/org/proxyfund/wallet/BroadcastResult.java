package org.proxyfund.wallet;

/** What happened to a broadcast; broadcasting the same transaction again is harmless. */
public record BroadcastResult(String txid, Outcome outcome, String detail) {

    /** The broadcast outcomes. */
    public enum Outcome {
        /** A node fetched or accepted it. */
        SENT,
        /** The network already had it (mempool or chain). */
        ALREADY_KNOWN,
        /** A node rejected it (detail says why). */
        REJECTED,
        /** No node took it within the timeout; try again later. */
        NOT_TAKEN
    }
}
