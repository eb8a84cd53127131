package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read-only access to batches for pages, the sender and the reconciler; writes go through PayoutService. */
@ApplicationScoped
@Transactional
public class PayoutQueries {

    @Inject
    PayoutRepository repository;

    public Optional<PayoutBatchView> batch(long batchId) {
        return repository.find(batchId);
    }

    /** The newest batches in any of {@code states}, at most {@code limit}. */
    public List<PayoutBatchView> inStates(Collection<BatchState> states, int limit) {
        return repository.inStates(states, limit);
    }

    /** Ids of the batches in {@code state}, oldest first. */
    public List<Long> idsIn(BatchState state) {
        return repository.idsIn(state);
    }

    public List<PayoutLine> lines(long batchId) {
        return repository.lines(batchId);
    }

    /** The original signed transaction (seq 0) and its replacements, in order. */
    public List<PayoutTx> transactions(long batchId) {
        return repository.txs(batchId);
    }

    /** The admins who approved the batch's current revision, in order. */
    public List<Long> approvals(long batchId) {
        return repository.find(batchId).map(b -> repository.approvals(batchId, b.revision())).orElse(List.of());
    }

    public List<PayoutEventView> events(long batchId) {
        return repository.events(batchId);
    }
}
