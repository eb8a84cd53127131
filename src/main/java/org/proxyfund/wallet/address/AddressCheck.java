package org.proxyfund.wallet.address;

/**
 * The result of validating a payout address: valid with its type and normalized form, or an error code and message.
 *
 * @param type       the address type when valid, else null
 * @param normalized the canonical text (bech32 lowercased) when valid, else null
 * @param error      null when valid, else what is wrong
 * @param message    null when valid, else an English sentence saying what is wrong
 */
public record AddressCheck(AddressType type, String normalized, Error error, String message) {

    /** What is wrong with an address. */
    public enum Error {
        /** Not an address at all: bad characters, length, encoding. */
        MALFORMED,
        /** Checksum does not match: a typo, or bech32 used where bech32m is required (or the reverse). */
        BAD_CHECKSUM,
        /** A valid address, but for another network than the one this service pays on. */
        WRONG_NETWORK,
        /** A valid address of a kind the service does not pay (future witness versions). */
        UNSUPPORTED,
        /** A private key was pasted instead of an address. */
        PRIVATE_KEY
    }

    static AddressCheck valid(AddressType type, String normalized) {
        return new AddressCheck(type, normalized, null, null);
    }

    static AddressCheck invalid(Error error, String message) {
        return new AddressCheck(null, null, error, message);
    }

    /** True when the address can receive payouts on the configured network. */
    public boolean valid() {
        return error == null;
    }

    /** The i18n-friendly code, e.g. {@code address.wrong-network}; null when valid. */
    public String code() {
        return error == null ? null : "address." + error.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
