package org.proxyfund.settlement;

/**
 * What {@code SettlementService.settle} did: created the settlement, found it already there, or refused (the epoch
 * has not ended, a later epoch is already settled, so this one's carried remainder would be counted twice, or it
 * overlaps the time of the latest settlement).
 */
public record SettleResult(Status status, Settlement settlement, String message) {

    /** The typed outcome. */
    public enum Status {
        /** Computed and stored now, with its ledger entry. */
        CREATED,
        /** Already settled (by this or another replica): the stored settlement, unchanged. */
        EXISTING,
        /** The epoch has not ended yet. */
        NOT_ENDED,
        /** A later epoch is already settled; settlements are made in epoch order only. */
        OUT_OF_ORDER,
        /** The epoch starts before the end of the latest settlement (a calendar change): that time is settled already. */
        OVERLAPS
    }

    /** True when a settlement exists for the epoch now (created or found). */
    public boolean settled() {
        return settlement != null;
    }

    static SettleResult refused(Status status, String message) {
        return new SettleResult(status, null, message);
    }
}
