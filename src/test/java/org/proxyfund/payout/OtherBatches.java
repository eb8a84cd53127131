package org.proxyfund.payout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.proxyfund.wallet.testing.RegtestNode;

import java.time.Duration;
import java.util.List;

/**
 * Clears the way for a test that follows one batch on the regtest node: open batches of other tests rejected, those
 * in flight mined until closed, other operators suspended (and approved again afterwards) so that only the test's
 * own operators are proposed.
 */
@ApplicationScoped
class OtherBatches {

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    EntityManager em;

    /** Returns the operators it suspended, for {@link #restore}. */
    @SuppressWarnings("unchecked")
    List<Long> clear(long admin) {
        for (PayoutBatchView open : queries.inStates(List.of(BatchState.PROPOSED, BatchState.APPROVED), 1_000)) {
            payouts.reject(open.id(), admin, "out of the way of a test that follows one batch");
        }
        RegtestNode.await("no batch of other tests in flight", Duration.ofSeconds(120), () -> {
            worker.pass();
            chain.mine(1);
            return queries.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), 10).isEmpty();
        });
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "UPDATE account SET state = 'SUSPENDED' WHERE role = 'OPERATOR' AND state = 'APPROVED' RETURNING id")
                .getResultList()).stream().map(Number::longValue).toList());
    }

    /** Mines and runs the worker until no batch is in flight (what a test leaves must not wait on another wallet). */
    void closeInFlight() {
        RegtestNode.await("no batch in flight", Duration.ofSeconds(120), () -> {
            worker.pass();
            chain.mine(1);
            return queries.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), 10).isEmpty();
        });
    }

    void restore(List<Long> operators) {
        if (!operators.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE account SET state = 'APPROVED' WHERE id IN (?1)").setParameter(1, operators).executeUpdate());
        }
    }
}
