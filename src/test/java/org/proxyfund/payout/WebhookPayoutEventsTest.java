package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;
import org.proxyfund.webhook.TestReceiver;
import org.proxyfund.webhook.WebhookService;
import org.proxyfund.webhook.WebhookSigner;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch sent and confirmed on the regtest node tells its operator's webhook, signed, with the amount paid. */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class WebhookPayoutEventsTest {

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    WebhookService webhooks;
    @Inject
    EntityManager em;

    @Test
    void shouldTellTheOperatorsWebhookThatItsPayoutWasSentAndThenConfirmed() throws Exception {
        PayoutTestData data = new PayoutTestData(em);
        chain.mine(1);
        chain.awaitSynced();
        if (chain.confirmedBalance() < 100_000_000L) chain.fund(300_000_000L);
        long a = data.operator(PayoutTestData.someAddress());
        data.owe(a, 1_234_567);
        try (TestReceiver receiver = new TestReceiver()) {
            WebhookService.Creation created = webhooks.create(new Actor(a, "hook-payee"), receiver.url(),
                    List.of("payout.sent", "payout.confirmed", "payout.left_chain"));
            String secret = assertInstanceOf(WebhookService.Creation.Created.class, created).created().secret();

            PayoutBatchView batch = assertInstanceOf(PayoutOutcome.Proposed.class, payouts.propose("hook-" + UUID.randomUUID()))
                    .batches().stream().filter(b -> queries.lines(b.id()).stream().anyMatch(l -> l.accountId() == a))
                    .findFirst().orElseThrow();
            if (((PayoutOutcome.Done) payouts.approve(batch.id(), data.admin(), batch.revision())).batch().state() != BatchState.APPROVED) {
                payouts.approve(batch.id(), data.admin(), batch.revision());
            }
            assertTrue(worker.sendApproved() >= 1);
            String txid = queries.transactions(batch.id()).getFirst().txid();
            RegtestNode.await("batch confirmed", Duration.ofSeconds(60), () -> {
                chain.mine(1);
                worker.track();
                return queries.batch(batch.id()).orElseThrow().state() == BatchState.CONFIRMED;
            });
            RegtestNode.await("both events delivered", Duration.ofSeconds(60), () -> receiver.received.size() >= 2);

            List<String> types = receiver.received.stream().map(TestReceiver.Received::event).toList();
            assertEquals(List.of("payout.sent", "payout.confirmed"), types, "sent first, then confirmed, each once");
            for (TestReceiver.Received r : receiver.received) {
                assertTrue(WebhookSigner.verifies(secret, r.signature(), r.body()), "signed: " + r.event());
                JsonPath body = JsonPath.from(r.body());
                assertEquals(batch.id(), body.getLong("data.batchId"));
                assertEquals(txid, body.getString("data.txid"));
                assertEquals(1_234_567L, body.getLong("data.amountSats"), "the operator's own amount, in satoshis");
            }
        }
    }
}
