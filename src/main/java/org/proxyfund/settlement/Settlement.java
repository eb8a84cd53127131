package org.proxyfund.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * A stored settlement of one epoch: the budget inputs, which limit bound the budget, the rules (JSON) and the result.
 * Invariants (also database CHECKs): pool = budget + carried in; distributed + carried out = pool.
 */
public record Settlement(long id, String epochKey, OffsetDateTime epochStart, OffsetDateTime epochEnd,
        OffsetDateTime computedAt, String budgetMode, String budgetLimit, long balanceSats, long reserveSats,
        long owedSats, long carriedInSats, long availableSats, long askedSats, long budgetSats, long poolSats,
        long distributedSats, long carriedOutSats, String rules, int endpointCount, int paidCount, @Schema(nullable = true) Long ledgerEntryId) {
}
