package org.proxyfund.wallet;

/** The wallet's balance in satoshis: confirmed (at the required depth) and still unconfirmed. */
public record WalletBalance(long confirmedSats, long unconfirmedSats) {
}
