package org.proxyfund.treasury;

/**
 * The steps of sweeping where the never-sweeps-twice tests strike a fault (the payout worker passes its fault hook;
 * outside regtest nothing is ever armed). In the order a sweep reaches them.
 */
public enum SweepPoint {
    /** The sweep is signed, its row not yet stored (nothing recorded, nothing sent). */
    AFTER_SIGN_BEFORE_RECORD,
    /** SIGNED is stored with the raw transaction, nothing broadcast yet. */
    AFTER_RECORD_BEFORE_BROADCAST,
    /** The network has the sweep, the row still says SIGNED. */
    AFTER_BROADCAST_BEFORE_STATE,
    /** While its confirmations are tracked (before CONFIRMED and its booking are stored). */
    DURING_TRACKING,
    /** A reorg took a CONFIRMED sweep's block: BROADCAST again (booking reversed) is stored, the bytes not yet sent. */
    AFTER_LEFT_CHAIN_BEFORE_REBROADCAST
}
