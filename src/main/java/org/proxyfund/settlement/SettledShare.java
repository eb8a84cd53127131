package org.proxyfund.settlement;

/** One operator's line in a stored settlement: amount credited to payable, capped, operator-level exclusion (or null). */
public record SettledShare(long operatorId, String handle, long amountSats, boolean capped, String exclusion) {
}
