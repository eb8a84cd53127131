package org.proxyfund.status;

import java.time.Instant;
import java.util.List;

/**
 * What the public status page shows: counts only, never an endpoint's address, host name, label or operator.
 *
 * @param protocols  approved endpoints of each protocol by their state now, in the protocols' order
 * @param total      the same summed over every protocol
 * @param h24        the network's checks over the last 24 hours
 * @param d7         over the last 7 days
 * @param d30        over the last 30 days
 * @param paidSats   satoshis paid to operators in confirmed payout transactions
 * @param payouts    confirmed payout transactions
 * @param paidOutputs outputs (operator payments) in them
 * @param computedAt when these figures were read from the database
 */
public record NetworkStatus(List<ProtocolCount> protocols, ProtocolCount total, NetworkWindow h24, NetworkWindow d7,
                            NetworkWindow d30, long paidSats, int payouts, long paidOutputs, Instant computedAt) {
}
