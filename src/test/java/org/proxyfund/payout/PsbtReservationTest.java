package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.ReceivedOutput;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PSBT on offer reserves its coins: the hot wallet signs other batches meanwhile, never with those coins, and a
 * batch that only the reserved coins would fund waits with the reason on its page (EN/RU) until the PSBT is signed.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class PsbtReservationTest {

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PsbtOffers offers;
    @Inject
    PsbtAdminMoves psbt;
    @Inject
    OtherBatches others;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    WalletService wallet;
    @Inject
    PayoutConfig config;
    @Inject
    EntityManager em;

    final RegtestNode node = RegtestNode.shared();
    List<Long> suspended = List.of();
    PayoutTestData data;

    @AfterEach
    void leaveNothingAwaiting() {
        psbt.signLeftBehind(data.admin());
        others.closeInFlight();
        others.restore(suspended);
    }

    /** A batch of one new operator owed {@code sats}, proposed and approved by as many admins as it needs. */
    private PayoutBatchView approved(long sats) {
        long a = data.operator(PayoutTestData.someAddress());
        data.owe(a, sats);
        PayoutBatchView batch = assertInstanceOf(PayoutOutcome.Proposed.class, payouts.propose("reserve-" + UUID.randomUUID()))
                .batches().stream().filter(x -> queries.lines(x.id()).stream().anyMatch(l -> l.accountId() == a)).findFirst().orElseThrow();
        while (queries.batch(batch.id()).orElseThrow().state() == BatchState.PROPOSED) {
            payouts.approve(batch.id(), data.admin(), batch.revision());
        }
        return queries.batch(batch.id()).orElseThrow();
    }

    private static Set<String> spentBy(byte[] raw) {
        Set<String> coins = new HashSet<>();
        Transaction.read(ByteBuffer.wrap(raw)).getInputs().forEach(i -> coins.add(i.getOutpoint().toString()));
        return coins;
    }

    @Test
    void shouldSendHotBatchesWhileAPsbtIsOnOfferWithoutItsCoinsAndSayWhenOnlyThoseWouldDo() {
        data = new PayoutTestData(em);
        psbt.signLeftBehind(data.admin());
        suspended = others.clear(data.admin());
        if (chain.confirmedBalance() < 100_000_000L) {
            chain.fund(300_000_000L);
        }
        chain.mine(config.confirmations()); // every change deep: the balance below is exactly the coins a batch may spend

        PayoutBatchView offered = approved(2_500_000);
        assertEquals(1, offers.offerApproved(), "the admins are offered a PSBT");
        assertEquals(BatchState.AWAITING_SIGNATURES, queries.batch(offered.id()).orElseThrow().state());
        Set<String> reserved = offers.reservedCoins().get(offered.id());
        assertFalse(reserved.isEmpty());

        PayoutBatchView hot = approved(1_000_000);
        assertEquals(1, worker.sendApproved(), "a hot batch is signed while the PSBT is on offer");
        assertEquals(BatchState.BROADCAST, queries.batch(hot.id()).orElseThrow().state());
        Set<String> hotCoins = spentBy(queries.transactions(hot.id()).getFirst().raw());
        assertTrue(hotCoins.stream().noneMatch(reserved::contains), "the hot batch spends none of the PSBT's coins: "
                + hotCoins + " vs " + reserved);
        RegtestNode.await("hot batch confirmed", Duration.ofSeconds(90), () -> {
            chain.mine(1);
            worker.track();
            return queries.batch(hot.id()).orElseThrow().state() == BatchState.CONFIRMED;
        });
        chain.mine(config.confirmations());

        // Owed more than every unreserved deep coin holds, less than all of them with the reserved ones.
        long reservedSats = wallet.receivedOutputs().stream().filter(o -> reserved.contains(o.txid() + ":" + o.vout()))
                .mapToLong(ReceivedOutput::amountSats).sum();
        long free = wallet.balance(config.confirmations()).confirmedSats() - reservedSats;
        assertTrue(reservedSats > 2_500_000 + 200_000, "the PSBT's coins: " + reservedSats);
        PayoutBatchView big = approved(free + 100_000);
        assertEquals(0, worker.sendApproved(), "nothing signed: only the reserved coins would fund it");
        assertEquals(BatchState.APPROVED, queries.batch(big.id()).orElseThrow().state());
        WebClient admin = WebClient.admin();
        admin.get("/admin/payouts/" + big.id() + "?lang=en").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("without the coins reserved for the PSBT of batch #" + offered.id()
));
        admin.get("/admin/payouts/" + big.id() + "?lang=ru").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("без монет, зарезервированных за PSBT пакета #" + offered.id()));

        // Signed: the reservation ends; the big batch waits for the change of the PSBT's transaction, then is paid.
        assertTrue(psbt.signOne(new Random(1), data.admin(), false));
        assertEquals(BatchState.SIGNED, queries.batch(offered.id()).orElseThrow().state());
        assertTrue(offers.reservedCoins().isEmpty(), "no reservation once the batch left AWAITING_SIGNATURES");
        RegtestNode.await("the big batch paid once the PSBT's change is deep", Duration.ofSeconds(120), () -> {
            worker.runOnce();
            chain.mine(1);
            return queries.batch(big.id()).orElseThrow().state() == BatchState.BROADCAST;
        });
        assertEquals(BatchState.CONFIRMED, queries.batch(offered.id()).orElseThrow().state(),
                "the admins' transaction confirmed: nothing spent its coins");
    }
}
