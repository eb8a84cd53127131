package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.proxyfund.settlement.MinimumPayout;
import org.proxyfund.settlement.SettlementConfig;
import org.proxyfund.wallet.address.AddressCheck;
import org.proxyfund.wallet.address.PayoutAddressValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses what a new proposal pays: every APPROVED operator with a PROVEN payout address, not held by an admin,
 * whose payable balance in the ledger reaches the minimum payout and who is in no open batch and in no batch in flight.
 * A batch a reorg sent back to BROADCAST has closed lines but its amounts are payable again (its booking was
 * reversed) while its transaction can still confirm: proposing those operators now could pay them twice, so they wait
 * until that batch is CONFIRMED again (or FAILED). Read-only; PayoutService stores it.
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

    /** Candidate lines, by account id; positions are assigned per part when the batches are written. */
    @SuppressWarnings("unchecked")
    List<PayoutLine> candidates() {
        long minimum = MinimumPayout.from(settlement).minimumSats();
        List<Object[]> rows = em.createNativeQuery("""
                WITH payable AS (
                    SELECT CAST(substr(account, 18) AS BIGINT) AS account_id, -SUM(amount_sats) AS sats
                    FROM ledger_line WHERE account LIKE 'operator_payable:%' GROUP BY account)
                SELECT p.account_id, pa.address, p.sats FROM payable p
                JOIN account a ON a.id = p.account_id AND a.state = 'APPROVED' AND a.role = 'OPERATOR'
                JOIN payout_address pa ON pa.account_id = p.account_id AND pa.state = 'PROVEN'
                WHERE p.sats >= ?1
                  AND NOT EXISTS (SELECT 1 FROM payout_line l JOIN payout_batch b ON b.id = l.batch_id
                                  WHERE l.account_id = p.account_id AND (l.open OR b.state IN ('SIGNED', 'BROADCAST')))
                  AND NOT EXISTS (SELECT 1 FROM operator_hold h WHERE h.account_id = p.account_id AND h.released_at IS NULL)
                ORDER BY p.account_id""").setParameter(1, minimum).getResultList();
        List<PayoutLine> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            AddressCheck check = addresses.validate((String) r[1]);
            if (!check.valid()) {
                LOG.warnf("operator %d is owed but left out of the proposal: payout address not payable on %s (%s)",
                        ((Number) r[0]).longValue(), addresses.network(), check.error());
                continue;
            }
            out.add(new PayoutLine(((Number) r[0]).longValue(), 0, (String) r[1], ((Number) r[2]).longValue(), true));
        }
        return out;
    }

    /** Splits candidates into parts of at most {@code maxOutputs} lines, numbering positions (vouts) within each. */
    static List<List<PayoutLine>> split(List<PayoutLine> lines, int maxOutputs) {
        if (maxOutputs < 1) {
            throw new IllegalArgumentException("max outputs must be at least 1: " + maxOutputs);
        }
        List<List<PayoutLine>> parts = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += maxOutputs) {
            List<PayoutLine> part = new ArrayList<>();
            List<PayoutLine> slice = lines.subList(from, Math.min(lines.size(), from + maxOutputs));
            for (int i = 0; i < slice.size(); i++) {
                PayoutLine l = slice.get(i);
                part.add(new PayoutLine(l.accountId(), i, l.address(), l.amountSats(), true));
            }
            parts.add(part);
        }
        return parts;
    }
}
