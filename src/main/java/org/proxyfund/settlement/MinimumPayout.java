package org.proxyfund.settlement;

/**
 * The minimum payout rule: an operator is sent their payable balance only once it reaches the minimum; below it the
 * epoch's amount accrues to the payable balance and nothing is lost.
 *
 * <p>Why the default of 10,000 sats is far above dust: bitcoinj 0.17.1 refuses dust outputs
 * ({@code TransactionOutput.isDust()}: 294 sat to a P2WPKH address, 546 sat to P2PKH at the default relay fee), and an
 * output should be worth its cost: one P2WPKH output adds 31 vB to the batch, i.e. 310 sat at 10 sat/vB and 3,100
 * sat at 100 sat/vB, so a payout of 10,000 sat loses at most about a third to its fee at very high fee rates.
 * The minimum can never be set below 546 sat.
 */
public record MinimumPayout(long minimumSats) {

    /** Largest dust limit of bitcoinj for a standard output (P2PKH); no minimum may be lower. */
    public static final long DUST_FLOOR_SATS = 546;

    public MinimumPayout {
        if (minimumSats < DUST_FLOOR_SATS) {
            throw new IllegalArgumentException("minimum payout must be at least " + DUST_FLOOR_SATS
                    + " sat (bitcoinj refuses dust outputs), got " + minimumSats);
        }
    }

    /** The minimum configured in {@code proxyfund.settlement.minimum-payout-sats}. */
    public static MinimumPayout from(SettlementConfig config) {
        return new MinimumPayout(config.minimumPayoutSats());
    }

    /**
     * Decides for one operator: with {@code accruedSats} already payable from earlier epochs and {@code amountSats}
     * earned now, pay everything now if the total reaches the minimum, otherwise accrue it all.
     */
    public Decision decide(long accruedSats, long amountSats) {
        if (accruedSats < 0 || amountSats < 0) {
            throw new IllegalArgumentException("accrued and earned amounts must not be negative, got " + accruedSats
                    + " and " + amountSats);
        }
        long payable = Math.addExact(accruedSats, amountSats);
        return payable >= minimumSats ? new Decision(payable, 0) : new Decision(0, payable);
    }

    /**
     * The outcome for one operator: {@code payNowSats} goes into the next payout batch, {@code accruedSats} stays
     * payable for a later epoch; exactly one of them is non-zero unless both are 0, and their sum is accrued + earned.
     */
    public record Decision(long payNowSats, long accruedSats) {

        /** True when this epoch sends the operator a payout. */
        public boolean paysNow() {
            return payNowSats > 0;
        }
    }
}
