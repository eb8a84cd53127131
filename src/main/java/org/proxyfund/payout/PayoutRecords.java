package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.wallet.ChainPosition;
import org.proxyfund.wallet.Explorer;
import org.proxyfund.wallet.WalletService;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The records of payouts: an operator's history with blocks and explorer links, and a batch in full for admins. */
@ApplicationScoped
public class PayoutRecords {

    @Inject
    PayoutQueries queries;
    @Inject
    WalletService wallet;
    @Inject
    Explorer explorer;

    /** The operator's own payouts, newest first, with block, date, output index, address and explorer links. */
    public List<PayoutRecord> forOperator(long accountId, int limit) {
        return queries.forOperator(accountId, limit).stream().map(p -> {
            Optional<ChainPosition> at = p.txid() == null || !wallet.running() ? Optional.empty() : wallet.chainPosition(p.txid());
            return new PayoutRecord(p.batchId(), p.state().name(), p.amountSats(), p.address(), explorer.addressUrl(p.address()),
                    p.txid(), p.txid() == null ? null : explorer.txUrl(p.txid()), p.vout(),
                    at.map(ChainPosition::height).orElse(null), at.map(ChainPosition::blockTime).orElse(null),
                    at.map(ChainPosition::confirmations).orElse(null));
        }).toList();
    }

    /** A batch in full, or empty when there is none with that id. */
    public Optional<PayoutBatchDetail> detail(long batchId) {
        return queries.batch(batchId).map(b -> {
            Map<Long, String> handles = queries.handles(batchId);
            List<PayoutBatchDetail.Line> lines = queries.lines(batchId).stream().map(l -> new PayoutBatchDetail.Line(
                    l.accountId(), handles.get(l.accountId()), l.position(), l.address(), l.amountSats(), l.open())).toList();
            List<PayoutBatchDetail.Tx> txs = queries.transactions(batchId).stream().map(t -> new PayoutBatchDetail.Tx(
                    t.txid(), t.seq(), t.feeSats(), t.vsize(), t.createdAt(), t.txid().equals(b.confirmedTxid()),
                    explorer.txUrl(t.txid()))).toList();
            return new PayoutBatchDetail(b, lines, txs, queries.approvals(batchId), queries.events(batchId));
        });
    }
}
