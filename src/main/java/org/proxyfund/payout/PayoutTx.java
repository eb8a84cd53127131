package org.proxyfund.payout;

import java.time.Instant;

/** A signed transaction of a batch as stored: seq 0 is the original, later ones are fee-bump replacements. */
public record PayoutTx(String txid, int seq, byte[] raw, long feeSats, int vsize, Instant createdAt) {

    /** The stored value the state machine works with. */
    public SignedTransaction signed() {
        return new SignedTransaction(txid, raw);
    }
}
