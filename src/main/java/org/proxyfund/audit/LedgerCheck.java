package org.proxyfund.audit;

import java.time.Instant;

/**
 * One run of the ledger invariants: all lines sum to zero; the wallet account equals the wallet's confirmed balance;
 * and the public figures agree with the books: the confirmed donation payments the wallet reported equal the standing
 * donation entries, the outputs and fees of confirmed payout batches equal the standing payout entries.
 * {@code walletConfirmedSats} is null when the wallet is not running (then only the sum is checked).
 * {@code payoutsInFlightSats}: payout transactions (outputs + fee) the wallet already counts as confirmed while their
 * batch still waits for its required confirmations, so the ledger has not booked them yet.
 */
public record LedgerCheck(Instant at, long ledgerTotalSats, long walletAccountSats, Long walletConfirmedSats,
                          long payoutsInFlightSats, long donationsConfirmedSats, long donationsBookedSats,
                          long payoutsPaidSats, long payoutsBookedSats) {

    public boolean sumsToZero() {
        return ledgerTotalSats == 0;
    }

    public boolean walletMatches() {
        return walletConfirmedSats == null || walletConfirmedSats == walletAccountSats - payoutsInFlightSats;
    }

    /** Received and paid as the transparency page shows them equal what the ledger booked (checked with the wallet). */
    public boolean transparencyMatches() {
        return walletConfirmedSats == null
                || donationsConfirmedSats == donationsBookedSats && payoutsPaidSats == payoutsBookedSats;
    }

    public boolean ok() {
        return sumsToZero() && walletMatches() && transparencyMatches();
    }
}
