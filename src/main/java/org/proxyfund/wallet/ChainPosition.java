package org.proxyfund.wallet;

import java.time.Instant;

/**
 * Where a transaction sits in the chain the wallet follows: the block's height, hash and time, and the confirmations.
 * {@code blockHash} and {@code blockTime} are null when the header is no longer in the wallet's header store (very
 * old blocks); {@code blockTime} then falls back to when the wallet first saw the transaction, if known.
 */
public record ChainPosition(int height, String blockHash, Instant blockTime, int confirmations) {
}
