package org.proxyfund.ledger;

import java.time.Instant;

/**
 * One run of the ledger invariants: all lines sum to zero, and the wallet account equals the wallet's
 * confirmed balance. {@code walletConfirmedSats} is null when the wallet is not running (not checked).
 */
public record LedgerCheck(Instant at, long ledgerTotalSats, long walletAccountSats, Long walletConfirmedSats) {

    public boolean sumsToZero() {
        return ledgerTotalSats == 0;
    }

    public boolean walletMatches() {
        return walletConfirmedSats == null || walletConfirmedSats == walletAccountSats;
    }

    public boolean ok() {
        return sumsToZero() && walletMatches();
    }
}
