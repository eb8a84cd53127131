package org.proxyfund.donation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a donation stands; only DonationService moves it, through {@link #canMoveTo}. */
public enum DonationStatus {
    WAITING, SEEN, CONFIRMED, EXPIRED;

    private static final Map<DonationStatus, Set<DonationStatus>> ALLOWED = Map.of(
            WAITING, EnumSet.of(SEEN, CONFIRMED, EXPIRED),
            // a payment dropped from the mempool (double-spent) takes a donation back to waiting
            SEEN, EnumSet.of(CONFIRMED, WAITING),
            // a reorg, or a further unconfirmed payment, takes a confirmed donation back to SEEN
            CONFIRMED, EnumSet.of(SEEN, WAITING),
            // expired addresses stay watched: a late payment still counts
            EXPIRED, EnumSet.of(SEEN, CONFIRMED));

    public boolean canMoveTo(DonationStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
