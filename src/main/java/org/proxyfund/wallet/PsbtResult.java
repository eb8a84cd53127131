package org.proxyfund.wallet;

/** The outcome of building a batch transaction for the admins to sign: a PSBT, or why there is none (a value). */
public sealed interface PsbtResult {

    /**
     * An unsigned transaction as a BIP-174 PSBT, neither signed, broadcast nor committed to the wallet: store it, offer it
     * to the admins. {@code txid} is final already (every input is segwit, so signatures do not change it);
     * {@code vsizeEstimate} counts a 72-byte signature per input. Payment line i is output i; {@code changeVout} -1: none.
     */
    record Proposal(String txid, byte[] psbt, long feeSats, int vsizeEstimate, int changeVout) implements PsbtResult {
    }

    /** No PSBT: the wallet's coins do not cover it, or an output was refused (as when signing). */
    record NotBuilt(SignResult failure) implements PsbtResult {
    }
}
