package org.proxyfund.treasury;

import java.time.Instant;

/**
 * A stored sweep with what goes with it: its signed bytes, the cold address it pays (index {@code coldIndex} of the
 * cold account's receive branch) and the ledger entry of its confirmation (null unless CONFIRMED).
 */
public record SweepRow(Sweep sweep, byte[] raw, int coldIndex, String coldAddress, Long ledgerEntryId,
                       Instant createdAt, Instant confirmedAt) {
}
