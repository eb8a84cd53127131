package org.proxyfund.wallet.address;

/**
 * Whether a signed message proves control of an address: valid with the format it came in, or invalid with a reason.
 *
 * @param format  the signature format when valid, else null
 * @param reason  null when valid, else why not
 * @param message an English sentence for the operator
 */
public record ProofResult(Format format, Reason reason, String message) {

    /** Signature formats accepted. */
    public enum Format {
        /** "Bitcoin Signed Message" with a BIP-137 header (Bitcoin Core for P2PKH; Trezor and others for segwit). */
        BIP137,
        /** "Bitcoin Signed Message" from Electrum: segwit addresses signed with the plain compressed-key header. */
        ELECTRUM,
        /** BIP-322 "simple" signature: a witness stack spending the virtual to_spend transaction. */
        BIP322_SIMPLE
    }

    /** Why a proof was refused. */
    public enum Reason {
        /** Well-formed signature, but not made by the key of this address over this message. */
        WRONG_KEY,
        /** Not base64, wrong length, bad header or encoding. */
        MALFORMED_SIGNATURE,
        /** The address itself is invalid. */
        MALFORMED_ADDRESS,
        /** The address is for another network. */
        WRONG_NETWORK,
        /** The service cannot verify signatures for this address type (e.g. P2WSH, or legacy format for P2TR). */
        UNSUPPORTED_ADDRESS_TYPE
    }

    static ProofResult valid(Format format) {
        return new ProofResult(format, null, "The signature proves control of the address.");
    }

    static ProofResult invalid(Reason reason, String message) {
        return new ProofResult(null, reason, message);
    }

    /** True when the signature proves control of the address. */
    public boolean valid() {
        return reason == null;
    }

    /** The i18n-friendly code, e.g. {@code proof.wrong-key}; null when valid. */
    public String code() {
        return reason == null ? null : "proof." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
