package org.proxyfund.payout;

import java.time.Instant;

/**
 * A signed transaction of a batch as stored: seq 0 is the original, later ones are fee-bump replacements. Where its
 * fee rate came from ({@code feeSource}, a {@link FeeEstimate.Source} name, the reading before floor and ceiling, the
 * target) is null for transactions signed before the estimate existed.
 */
public record PayoutTx(String txid, int seq, byte[] raw, long feeSats, int vsize, Instant createdAt, String feeSource,
                       Long feeEstimateSatPerVb, Integer feeTargetBlocks) {

    public PayoutTx(String txid, int seq, byte[] raw, long feeSats, int vsize, Instant createdAt) {
        this(txid, seq, raw, feeSats, vsize, createdAt, null, null, null);
    }

    /** The fee rate paid, in whole sat/vB rounded up (the rate a bump must beat). */
    public long satPerVb() {
        return Math.ceilDiv(feeSats, vsize);
    }

    /** The stored value the state machine works with. */
    public SignedTransaction signed() {
        return new SignedTransaction(txid, raw);
    }
}
