package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.proxyfund.ledger.LedgerQueries;
import org.proxyfund.operator.OperatorQueries;
import org.proxyfund.operator.OperatorStanding;
import org.proxyfund.settlement.HoldService;
import org.proxyfund.settlement.MinimumPayout;
import org.proxyfund.settlement.SettlementConfig;
import org.proxyfund.wallet.address.AddressCheck;
import org.proxyfund.wallet.address.PayoutAddressValidator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses what a new proposal pays: every APPROVED operator with a PROVEN payout address, not held by an admin,
 * whose payable balance in the ledger reaches the minimum payout and who is in no open batch and in no batch in flight.
 * A batch a reorg sent back to BROADCAST has closed lines but its amounts are payable again (its booking was
 * reversed) while its transaction can still confirm: proposing those operators now could pay them twice, so they wait
 * until that batch is CONFIRMED again (or FAILED). Read-only; PayoutService stores it. Each fact comes from its owner:
 * balances from ledger, standing and address from operator, holds from settlement; the batches are payout's own.
 * An address that is not valid on the configured network (proven under another network setting) is left out and stays owed:
 * in a batch it would fail the whole transaction, and every later proposal would fail again with it, so nobody would be paid.
 */
@ApplicationScoped
class PayoutProposer {

    private static final Logger LOG = Logger.getLogger(PayoutProposer.class);

    @Inject
    EntityManager em;
    @Inject
    SettlementConfig settlement;
    @Inject
    PayoutAddressValidator addresses;
    @Inject
    LedgerQueries ledger;
    @Inject
    OperatorQueries operators;
    @Inject
    HoldService holds;

    /** Candidate lines, by account id; positions are assigned per part when the batches are written. */
    List<PayoutLine> candidates() {
        long minimum = MinimumPayout.from(settlement).minimumSats();
        Map<Long, Long> owed = new TreeMap<>(ledger.payableSats());
        owed.values().removeIf(sats -> sats < minimum);
        Map<Long, OperatorStanding> standing = operators.standing(owed.keySet());
        owed.keySet().removeIf(id -> !payable(standing.get(id)));
        owed.keySet().removeAll(busy(owed.keySet()));
        owed.keySet().removeAll(holds.held(owed.keySet()));
        List<PayoutLine> out = new ArrayList<>(owed.size());
        owed.forEach((accountId, sats) -> {
            String address = standing.get(accountId).provenAddress();
            AddressCheck check = addresses.validate(address);
            if (!check.valid()) {
                LOG.warnf("operator %d is owed but left out of the proposal: payout address not payable on %s (%s)",
                        accountId, addresses.network(), check.error());
                return;
            }
            out.add(new PayoutLine(accountId, 0, address, sats, true));
        });
        return out;
    }

    private static boolean payable(OperatorStanding s) {
        return s != null && s.approved() && s.operator() && s.addressProven();
    }

    /** Of these operators, those with an open line or a line in a batch in flight (SIGNED or BROADCAST). */
    @SuppressWarnings("unchecked")
    private Set<Long> busy(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        List<Number> rows = em.createNativeQuery("""
                SELECT DISTINCT l.account_id FROM payout_line l JOIN payout_batch b ON b.id = l.batch_id
                WHERE l.account_id = ANY (CAST(?1 AS bigint[])) AND (l.open OR b.state IN ('SIGNED', 'BROADCAST'))""")
                .setParameter(1, "{" + String.join(",", accountIds.stream().map(String::valueOf).toList()) + "}").getResultList();
        Set<Long> out = new HashSet<>();
        rows.forEach(n -> out.add(n.longValue()));
        return out;
    }

    /** Splits candidates into parts of at most {@code maxOutputs} lines, numbering positions (vouts) within each. */
    static List<List<PayoutLine>> split(List<PayoutLine> lines, int maxOutputs) {
        return split(lines, maxOutputs, Long.MAX_VALUE);
    }

    /**
     * Splits candidates into parts of at most {@code maxOutputs} lines and {@code maxTotalSats} in all (the hot float's
     * batch limit; {@code Long.MAX_VALUE} without a float), in order, numbering positions (vouts) within each part. A
     * line larger than the limit is cut to it: that much is paid now, the rest stays owed in the ledger and is proposed
     * again once this line is paid.
     */
    static List<List<PayoutLine>> split(List<PayoutLine> lines, int maxOutputs, long maxTotalSats) {
        if (maxOutputs < 1 || maxTotalSats < 1) {
            throw new IllegalArgumentException("max outputs and max total must be at least 1: " + maxOutputs + ", " + maxTotalSats);
        }
        List<List<PayoutLine>> parts = new ArrayList<>();
        List<PayoutLine> part = new ArrayList<>();
        long total = 0;
        for (PayoutLine l : lines) {
            long sats = Math.min(l.amountSats(), maxTotalSats);
            if (!part.isEmpty() && (part.size() == maxOutputs || total > maxTotalSats - sats)) {
                parts.add(part);
                part = new ArrayList<>();
                total = 0;
            }
            part.add(new PayoutLine(l.accountId(), part.size(), l.address(), sats, true));
            total += sats;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }
}
