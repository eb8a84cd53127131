package org.proxyfund.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One operator's line in a stored settlement: amount credited to payable, capped, operator-level exclusion (or null). */
public record SettledShare(long operatorId, String handle, long amountSats, boolean capped, @Schema(nullable = true) String exclusion) {
}
