package org.proxyfund.wallet.address;

/** Output types a payout address can have. */
public enum AddressType {
    /** Legacy pay-to-public-key-hash (1…, m…/n…). */
    P2PKH,
    /** Pay-to-script-hash (3…, 2…), including wrapped segwit (P2SH-P2WPKH). */
    P2SH,
    /** Native segwit v0 key hash (bc1q…, 42 characters). */
    P2WPKH,
    /** Native segwit v0 script hash (bc1q…, 62 characters). */
    P2WSH,
    /** Taproot, segwit v1 (bc1p…). */
    P2TR
}
