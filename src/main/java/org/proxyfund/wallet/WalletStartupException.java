package org.proxyfund.wallet;

/** The wallet cannot start with the configuration given; the message says what to change. Never carries secrets. */
public class WalletStartupException extends RuntimeException {

    public WalletStartupException(String message) {
        super(message);
    }

    public WalletStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
