package org.proxyfund.common.crypto;

/** A stored secret could not be decrypted: tampered, truncated, or written with a key no longer configured. */
public class SecretCipherException extends RuntimeException {

    public SecretCipherException(String message) {
        super(message);
    }

    public SecretCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
