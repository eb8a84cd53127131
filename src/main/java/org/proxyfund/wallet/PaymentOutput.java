package org.proxyfund.wallet;

/** One output of a transaction to build: an address on the configured network and an amount in satoshis. */
public record PaymentOutput(String address, long amountSats) {
}
