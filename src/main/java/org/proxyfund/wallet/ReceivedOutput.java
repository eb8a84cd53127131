package org.proxyfund.wallet;

/**
 * One output paying one of the wallet's addresses, as the wallet sees it now.
 *
 * @param confirmations 0 while unconfirmed (mempool), the depth once in the best chain
 * @param gone          the transaction was double-spent or otherwise can never confirm
 * @param blockHeight   height of the block holding it, or -1
 */
public record ReceivedOutput(String txid, int vout, String address, long amountSats, int confirmations,
                             boolean gone, int blockHeight) {
}
