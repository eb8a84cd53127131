package org.proxyfund.wallet.psbt;

/** The bytes are not a PSBT this service can read (BIP-174 version 0); the message says where it broke. */
public class PsbtFormatException extends RuntimeException {

    public PsbtFormatException(String message) {
        super(message);
    }
}
