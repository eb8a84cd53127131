package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch that waits says why on its admin page, in English and Russian: on a node that hangs (frozen with SIGSTOP:
 * its sockets open, nothing answering) the signed transaction is taken by nobody; then, the node back, the
 * confirmations it still lacks.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class PayoutWaitingTest {

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    OtherBatches others;
    @Inject
    EntityManager em;

    final RegtestNode node = RegtestNode.shared();

    private static String waiting(String page) {
        int at = page.indexOf("id=\"waiting\"");
        return at < 0 ? "(no waiting reason on the page)" : page.substring(at, Math.min(page.length(), at + 300));
    }

    @Test
    @Tag("long") // a hung node and its reconnection decide its length: ./mvnw -Plong verify (docs/testing.md)
    void shouldShowOnTheBatchPageThatTheNodeDoesNotAnswerAndThenTheConfirmationsItLacks() {
        PayoutTestData data = new PayoutTestData(em);
        chain.awaitSynced();
        chain.fund(50_000_000L);
        List<Long> suspended = others.clear(data.admin());
        try {
            long a = data.operator(PayoutTestData.someAddress());
            data.owe(a, 1_200_000);
            PayoutBatchView batch = ((PayoutOutcome.Proposed) payouts.propose("waiting-" + UUID.randomUUID())).batches().stream()
                    .filter(x -> queries.lines(x.id()).stream().anyMatch(l -> l.accountId() == a)).findFirst().orElseThrow();
            payouts.approve(batch.id(), data.admin(), batch.revision());
            payouts.approve(batch.id(), data.admin(), batch.revision());
            WebClient admin = WebClient.admin();

            node.freeze();
            try {
                assertTrue(worker.pass(), "the wallet still counts the hung node as its peer: the pass runs");
                assertEquals(BatchState.SIGNED, queries.batch(batch.id()).orElseThrow().state(), "signed, taken by nobody");
                String txid = queries.transactions(batch.id()).getFirst().txid();
                // Two true answers, depending on whether bitcoinj has already dropped the silent peer (its ping timed out):
                // the transaction no node took, or no node at all. Either names the node; never an empty reason.
                String en = admin.get("/admin/payouts/" + batch.id() + "?lang=en").then().statusCode(200).extract().asString();
                assertTrue(en.contains("no Bitcoin node took transaction " + txid) && en.contains("the same bytes are sent again at every pass")
                        || en.contains("No Bitcoin node is connected to the wallet"), "the node named as the reason: " + waiting(en));
                String ru = admin.get("/admin/payouts/" + batch.id() + "?lang=ru").then().statusCode(200).extract().asString();
                assertTrue(ru.contains("ни один узел Bitcoin не принял транзакцию " + txid)
                        || ru.contains("К кошельку не подключён ни один узел Bitcoin"), "in Russian too: " + waiting(ru));
                String list = admin.get("/admin/payouts?lang=en").then().statusCode(200).extract().asString();
                assertTrue(list.contains("no Bitcoin node took transaction " + txid) || list.contains("No Bitcoin node is connected"),
                        "the list shows the reason too");
            } finally {
                node.thaw();
            }

            RegtestNode.await("the stored transaction taken once the node answers", Duration.ofSeconds(60), () -> {
                worker.pass();
                return queries.batch(batch.id()).orElseThrow().state() == BatchState.BROADCAST;
            });
            admin.get("/admin/payouts/" + batch.id() + "?lang=en").then().statusCode(200)
                    .body(containsString("Sent: 0 of 6 confirmations."))
                    .body(not(containsString("no Bitcoin node took")));
            // The node, just thawed, may still be working through what reached it while frozen: a block mined before
            // the transaction is in its mempool would not hold it, so wait for the node itself to have it.
            String sent = queries.transactions(batch.id()).getFirst().txid();
            RegtestNode.await("the node's mempool holds " + sent, Duration.ofSeconds(60), () -> {
                worker.pass();
                return node.mempool().contains(sent);
            });
            chain.mine(1);
            admin.get("/admin/payouts/" + batch.id() + "?lang=ru").then().statusCode(200)
                    .body(containsString("Отправлен: 1 из 6 подтверждений."));
            chain.mine(5);
            assertTrue(worker.pass());
            assertEquals(BatchState.CONFIRMED, queries.batch(batch.id()).orElseThrow().state());
            admin.get("/admin/payouts/" + batch.id() + "?lang=en").then().statusCode(200)
                    .body(not(containsString("id=\"waiting\"")));
        } finally {
            others.restore(suspended);
            others.closeInFlight(); // also when an assertion failed: later tests start with a wallet of their own
        }
    }
}
