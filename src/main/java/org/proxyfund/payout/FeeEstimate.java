package org.proxyfund.payout;

/**
 * The fee rate a batch's transaction gets now and where it came from.
 *
 * @param satPerVb the rate used: the estimate held between the floor and the ceiling
 * @param source which reading gave the estimate
 * @param estimateSatPerVb what that reading said before floor and ceiling (0: nothing to outbid)
 * @param targetBlocks the confirmation target the node was asked for
 * @param detail why a reading is missing (the node's error), for the page; empty otherwise
 */
public record FeeEstimate(long satPerVb, Source source, long estimateSatPerVb, int targetBlocks, long floorSatPerVb,
                          long ceilingSatPerVb, String detail) {

    /** Where an estimate came from. */
    public enum Source {
        /** The node's estimatesmartfee (its history of what confirmed how fast). */
        NODE_ESTIMATE,
        /** The node's mempool now: the rate that outbids all but target-blocks blocks' worth of it. */
        NODE_MEMPOOL,
        /** The configured proxyfund.payout.fee-rate-sat-per-vb: no node RPC, or no answer from it. */
        FIXED
    }

    /** Whether the rate comes from the node (a bump by target follows only a node's estimate). */
    public boolean fromNode() {
        return source != Source.FIXED;
    }
}
