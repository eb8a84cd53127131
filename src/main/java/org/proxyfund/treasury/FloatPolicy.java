package org.proxyfund.treasury;

/**
 * The hot float's rules, pure arithmetic in satoshis: which signer pays a batch, and when and how much to sweep from
 * the hot wallet to cold storage. A sweep is planned only while none is in flight (one writer, one sweep at a time) and
 * takes the hot balance down to {@code cap - sweepMin}; so once every sweep is confirmed the hot balance is at most the
 * cap, and each sweep moves at least {@code sweepMin}.
 *
 * @param capSats      the most the hot wallet may hold once its sweeps are confirmed; 0: no float
 * @param sweepMinSats the smallest sweep; below {@code capSats} when there is a float
 */
public record FloatPolicy(long capSats, long sweepMinSats) {

    /** Who signs a batch. */
    public enum Route {
        /** The hot wallet, automatically. */
        HOT,
        /** The admins' wallets, through a PSBT of the cold (watch-only) wallet. */
        COLD
    }

    public FloatPolicy {
        if (capSats < 0 || sweepMinSats <= 0) {
            throw new IllegalArgumentException("the hot cap must be 0 or more and the smallest sweep more than 0");
        }
        if (capSats > 0 && sweepMinSats >= capSats) {
            throw new IllegalArgumentException("proxyfund.treasury.sweep-min-sats (" + sweepMinSats
                    + ") must be below proxyfund.treasury.hot-cap-sats (" + capSats + ")");
        }
    }

    public static FloatPolicy of(TreasuryConfig config) {
        return new FloatPolicy(config.hotCapSats(), config.sweepMinSats());
    }

    /** Whether a hot float is configured at all. */
    public boolean hasFloat() {
        return capSats > 0;
    }

    /** Within the cap (the batch's outputs and its fee) the float pays; anything larger is the admins' to sign. */
    public Route route(long batchTotalSats, long feeSats) {
        if (batchTotalSats <= 0 || feeSats < 0) {
            throw new IllegalArgumentException("a batch pays something and its fee is not negative");
        }
        return hasFloat() && batchTotalSats + feeSats <= capSats ? Route.HOT : Route.COLD;
    }

    /**
     * The most one batch's outputs may total for the float to pay it whatever fee it is allowed ({@code maxFeeShareBp}
     * basis points of its total): outputs + fee within the cap. Proposals are split to this size, so no batch is
     * larger than the float; without a float there is no such limit.
     */
    public long batchLimit(int maxFeeShareBp) {
        if (maxFeeShareBp < 0) {
            throw new IllegalArgumentException("a fee share is not negative: " + maxFeeShareBp);
        }
        if (!hasFloat()) {
            return Long.MAX_VALUE;
        }
        return java.math.BigInteger.valueOf(capSats).multiply(java.math.BigInteger.valueOf(10_000))
                .divide(java.math.BigInteger.valueOf(10_000L + maxFeeShareBp)).longValueExact();
    }

    /** The balance a sweep leaves in the hot wallet. */
    public long target() {
        return capSats - sweepMinSats;
    }

    /**
     * How much to take out of the hot wallet now (the swept output plus its fee), or 0 for no sweep: only with a
     * float, only while no sweep is in flight, and only when the confirmed hot balance is above the cap.
     */
    public long sweepSats(long hotConfirmedSats, boolean sweepInFlight) {
        if (!hasFloat() || sweepInFlight || hotConfirmedSats <= capSats) {
            return 0;
        }
        return hotConfirmedSats - target();
    }
}
