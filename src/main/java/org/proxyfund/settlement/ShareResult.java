package org.proxyfund.settlement;

import java.util.List;

/**
 * The shares of one epoch. Invariant: sum of amounts + remainderSats == budgetSats + previousRemainderSats exactly;
 * the remainder (rounding dust, and the cut-off when every paid operator is capped or nobody is eligible) is carried
 * to the next epoch.
 */
public record ShareResult(long budgetSats, long previousRemainderSats, List<OperatorShare> shares, long remainderSats) {

    public ShareResult {
        shares = List.copyOf(shares);
    }

    /** Budget plus the remainder carried in: what this epoch distributed. */
    public long poolSats() {
        return budgetSats + previousRemainderSats;
    }

    /** Sum of all operators' amounts. */
    public long paidSats() {
        return shares.stream().mapToLong(OperatorShare::amountSats).sum();
    }

    /** The share of one operator, or null when the operator was not an input. */
    public OperatorShare of(long operatorId) {
        return shares.stream().filter(s -> s.operatorId() == operatorId).findFirst().orElse(null);
    }
}
