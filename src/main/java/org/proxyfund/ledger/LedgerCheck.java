package org.proxyfund.ledger;

import java.time.Instant;

/**
 * One run of the ledger invariants: all lines sum to zero, and the wallet account equals the wallet's
 * confirmed balance. {@code walletConfirmedSats} is null when the wallet is not running (not checked).
 * {@code payoutsInFlightSats}: payout transactions (outputs + fee) the wallet already counts as confirmed
 * while their batch still waits for its required confirmations, so the ledger has not booked them yet.
 */
public record LedgerCheck(Instant at, long ledgerTotalSats, long walletAccountSats, Long walletConfirmedSats,
                          long payoutsInFlightSats) {

    public boolean sumsToZero() {
        return ledgerTotalSats == 0;
    }

    public boolean walletMatches() {
        return walletConfirmedSats == null || walletConfirmedSats == walletAccountSats - payoutsInFlightSats;
    }

    public boolean ok() {
        return sumsToZero() && walletMatches();
    }
}
