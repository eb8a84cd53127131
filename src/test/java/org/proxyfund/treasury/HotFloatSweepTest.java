package org.proxyfund.treasury;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.proxyfund.audit.LedgerCheckService;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.payout.PayoutConfig;
import org.proxyfund.payout.PayoutWalletFixture;
import org.proxyfund.payout.PayoutWorker;
import org.proxyfund.wallet.WalletRestart;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.Electrum;
import org.proxyfund.wallet.testing.RegtestNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot float running on the real regtest node: a hot wallet capped at {@link HotFloatResource#CAP} sweeps what a
 * donation lifts above the cap to the cold wallet (an Electrum wallet of the admins; the service has its public key
 * only), checked on the node's chain and by Electrum, with the ledger equal to the wallets.
 */
@QuarkusTest
@TestProfile(HotFloatResource.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotFloatSweepTest {

    @Inject
    PayoutWorker worker;
    @Inject
    SweepWorker sweeper;
    @Inject
    SweepQueries sweeps;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    PayoutConfig payouts;
    @Inject
    WalletService wallet;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerCheckService check;
    @Inject
    RefillService refills;
    @Inject
    org.proxyfund.payout.PayoutService payoutService;
    @Inject
    org.proxyfund.payout.PayoutQueries payoutQueries;
    @Inject
    jakarta.persistence.EntityManager em;
    @ConfigProperty(name = "proxyfund.test.cold-electrum-mnemonic-folder")
    String coldFolder;

    static final long TARGET = HotFloatResource.CAP - HotFloatResource.SWEEP_MIN;
    final RegtestNode node = RegtestNode.shared();

    @Test
    @Order(1)
    void shouldSweepWhatADonationLiftsAboveTheCapToAFreshColdAddressOnce() throws IOException {
        chain.fund(80_000_000L);
        assertEquals(80_000_000L, wallet.spendableSats(payouts.confirmations()));

        worker.runOnce();
        List<SweepRow> recorded = sweeps.newest(10);
        assertEquals(1, recorded.size(), "one sweep: " + recorded);
        Sweep sweep = recorded.getFirst().sweep();
        assertEquals(SweepState.BROADCAST, sweep.state());
        assertEquals(0, recorded.getFirst().coldIndex());
        assertTrue(Math.abs(80_000_000L - TARGET - sweep.hotSpentSats()) <= sweep.feeSats(),
                "the sweep takes the hot wallet to cap - sweep-min, its fee included: " + sweep);
        RegtestNode.await("sweep in the node's mempool", java.time.Duration.ofSeconds(30),
                () -> node.mempool().contains(sweep.txid()));

        worker.runOnce(); // in flight: no second sweep, however often the worker passes
        assertEquals(1, sweeps.newest(10).size());

        confirm(sweep.txid());
        SweepRow done = sweeps.newest(1).getFirst();
        assertEquals(SweepState.CONFIRMED, done.sweep().state());
        assertEquals(80_000_000L - sweep.hotSpentSats(), wallet.balance(payouts.confirmations()).confirmedSats());
        assertHotAtTarget(sweep.feeSats());
        assertEquals(sweep.sweptSats(), onChainTo(sweep.txid(), done.coldAddress()), "the node holds the swept coin at the cold address");
        assertTrue(electrum().electrum("ismine", done.coldAddress()).contains("true"), "the cold address is the admins' (Electrum)");
        assertFalse(wallet.ownsAddress(done.coldAddress()), "the hot wallet has no key to it");
        assertBooksEqualWallets(sweep.sweptSats());

        worker.runOnce(); // at the cap's target: nothing more to sweep
        assertEquals(1, sweeps.newest(10).size());
    }

    @Test
    @Order(2)
    void shouldSendARecordedSweepAfterARestartAndNeverSweepTwice() throws IOException {
        long coldBefore = ledger.balances().getOrDefault(LedgerService.COLD_STORAGE, 0L);
        chain.fund(30_000_000L); // hot 40M + 30M: above the cap again
        long id = sweeper.record(payouts.confirmations(), () -> 2, Set.of(), point -> { }).orElseThrow();
        SweepRow recorded = sweeps.newest(1).getFirst();
        assertEquals(id, recorded.sweep().id());
        assertEquals(SweepState.SIGNED, recorded.sweep().state());
        assertFalse(node.mempool().contains(recorded.sweep().txid()), "recorded, not sent: the service stopped here");

        WalletRestart.restart(wallet); // the crash: the wallet never saw the transaction
        chain.awaitSynced();
        worker.runOnce();
        List<SweepRow> all = sweeps.newest(10);
        assertEquals(2, all.size(), "the recorded sweep is sent, no second one is made: " + all);
        assertEquals(SweepState.BROADCAST, all.getFirst().sweep().state());
        assertEquals(1, all.getFirst().coldIndex(), "the next cold address, never the first again");
        assertNotEquals(all.get(1).coldAddress(), all.getFirst().coldAddress());
        RegtestNode.await("recorded sweep in the node's mempool", java.time.Duration.ofSeconds(30),
                () -> node.mempool().contains(recorded.sweep().txid()));
        worker.runOnce();
        assertEquals(2, sweeps.newest(10).size());

        confirm(recorded.sweep().txid());
        assertEquals(SweepState.CONFIRMED, sweeps.newest(1).getFirst().sweep().state());
        assertHotAtTarget(recorded.sweep().feeSats());
        assertEquals(recorded.sweep().sweptSats(), onChainTo(recorded.sweep().txid(), recorded.coldAddress()));
        assertBooksEqualWallets(coldBefore + recorded.sweep().sweptSats());
    }

    @Test
    @Order(3)
    void shouldShowHotAndColdSeparatelyWithEveryColdAddressCheckableOnTheChain() {
        io.restassured.path.json.JsonPath t = io.restassured.RestAssured.given().get("/api/v1/transparency").then()
                .statusCode(200).extract().jsonPath();
        List<SweepRow> rows = sweeps.newest(10);
        long swept = rows.stream().mapToLong(r -> r.sweep().sweptSats()).sum();
        assertEquals(swept, t.getLong("coldStorageSats"), "cold storage = the ledger's cold_storage account");
        assertEquals(ledger.balances().get(LedgerService.COLD_STORAGE), t.getLong("coldStorageSats"));
        assertEquals(chain.confirmedBalance(), t.getLong("ledgerWalletSats"), "hot = the ledger's wallet account = the hot wallet");
        List<String> listed = t.getList("sweeps.coldAddress");
        assertEquals(rows.stream().map(SweepRow::coldAddress).toList(), listed, "every cold address, newest first");
        long onChain = 0;
        for (int i = 0; i < rows.size(); i++) {
            assertEquals("CONFIRMED", t.getString("sweeps[" + i + "].state"));
            onChain += onChainTo(t.getString("sweeps[" + i + "].txid"), listed.get(i));
        }
        assertEquals(t.getLong("coldStorageSats"), onChain, "the cold total, checked on the node's chain");

        for (String lang : List.of("en", "ru")) {
            String page = io.restassured.RestAssured.given().get("/transparency?lang=" + lang).then().statusCode(200)
                    .extract().asString();
            assertTrue(page.contains("id=\"balance-cold\">" + org.proxyfund.donation.Bip21.btc(swept) + " BTC"), lang + ": cold total");
            assertTrue(page.contains("id=\"balance-hot\">" + org.proxyfund.donation.Bip21.btc(chain.confirmedBalance()) + " BTC"), lang);
            listed.forEach(a -> assertTrue(page.contains(a), lang + ": lists " + a));
            assertTrue(page.contains(lang.equals("ru") ? "Холодное хранение" : "Cold storage"), lang);
        }
    }

    @Test
    @Order(4)
    void shouldHoldABatchTheFloatCannotCoverUntilAColdRefillArrivesThenPayItFromTheFloat() {
        long operator = data().operator(org.proxyfund.payout.PayoutTestData.someAddress());
        data().owe(operator, 45_000_000L); // within the cap, above the 0.4 BTC the float holds
        long batch = approvedBatch("refill");
        worker.runOnce();
        assertEquals(org.proxyfund.payout.BatchState.APPROVED, batchState(batch), "the float cannot pay it yet");
        String refill = refills.refillAddress();
        org.proxyfund.operator.WebClient admin = org.proxyfund.operator.WebClient.admin();
        String en = admin.get("/admin/payouts").then().statusCode(200).extract().asString();
        assertTrue(en.contains("Needs a refill of the float from cold storage"), "the wait reason, in English");
        assertTrue(en.contains("id=\"refill-address\">" + refill + "<"), "the refill address on the admin page");
        String ru = admin.get("/admin/payouts?lang=ru").then().statusCode(200).extract().asString();
        assertTrue(ru.contains("Нужно пополнить горячий резерв из холодного хранения") && ru.contains(refill), "in Russian");
        assertTrue(wallet.ownsAddress(refill), "a hot wallet address");
        long coldBefore = ledger.balances().get(LedgerService.COLD_STORAGE);

        String refillTx = node.sendToAddress(RegtestNode.toNode(refill), 20_000_000L); // stands in for the admins' cold-signed refill
        chain.mine(payouts.confirmations());
        worker.runOnce();
        assertEquals(coldBefore - 20_000_000L, ledger.balances().get(LedgerService.COLD_STORAGE), "refill booked cold -> hot");
        assertEquals(refill.equals(refills.refillAddress()), false, "a paid refill address is not shown again");
        RegtestNode.await("batch paid from the float", java.time.Duration.ofSeconds(60), () -> {
            chain.mine(1);
            worker.runOnce();
            return batchState(batch) == org.proxyfund.payout.BatchState.CONFIRMED;
        });
        assertEquals(0, data().payable(operator));
        assertEquals(2, sweeps.newest(10).size(), "what the refill left in the float is no new sweep (hot <= cap)");
        assertTrue(wallet.balance(payouts.confirmations()).confirmedSats() <= HotFloatResource.CAP);
        assertBooksEqualWallets(coldBefore - 20_000_000L);

        io.restassured.path.json.JsonPath t = io.restassured.RestAssured.given().get("/api/v1/transparency").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(refill), t.getList("refills.hotAddress"));
        assertEquals("CONFIRMED", t.getString("refills[0].state"));
        long sweptOnChain = 0;
        for (SweepRow r : sweeps.newest(10)) {
            sweptOnChain += onChainTo(r.sweep().txid(), r.coldAddress());
        }
        assertEquals(sweptOnChain - onChainTo(refillTx, refill), t.getLong("coldStorageSats"),
                "cold storage = swept less refilled, both read from the node's blocks");
        assertTrue(io.restassured.RestAssured.given().get("/transparency?lang=ru").then().statusCode(200).extract().asString()
                .contains("Пополнено из холодного хранения"));
    }

    @Test
    @Order(5)
    void shouldProposeADebtAboveTheCapInBatchesTheFloatCanPayAndLeaveTheRestOwed() {
        long operator = data().operator(org.proxyfund.payout.PayoutTestData.someAddress());
        data().owe(operator, 60_000_000L);
        long limit = sweeper.policy().batchLimit(payouts.maxFeeShareBp());
        assertTrue(limit < HotFloatResource.CAP && limit + limit * payouts.maxFeeShareBp() / 10_000 <= HotFloatResource.CAP,
                "outputs and the largest fee allowed fit the cap: " + limit);
        long batch = approvedBatch("above-cap");
        assertEquals(limit, payoutQueries.batch(batch).orElseThrow().totalSats(), "the batch pays what the float can");
        assertEquals(60_000_000L, data().payable(operator), "owed in full until the batch is paid");
        worker.runOnce();
        String page = org.proxyfund.operator.WebClient.admin().get("/admin/payouts").then().statusCode(200).extract().asString();
        assertFalse(page.contains("Above the hot float's cap"), "never a batch the float cannot pay because of its size");
        assertTrue(check.run().ok());
        if (batchState(batch) == org.proxyfund.payout.BatchState.APPROVED) {
            // The float lacks the coins (it waits for a refill): the admins reject it, the whole debt stays owed.
            payoutService.reject(batch, data().admin(), "end of the test");
            assertEquals(60_000_000L, data().payable(operator));
        } else {
            RegtestNode.await("batch paid from the float", java.time.Duration.ofSeconds(60), () -> {
                chain.mine(1);
                worker.runOnce();
                return batchState(batch) == org.proxyfund.payout.BatchState.CONFIRMED;
            });
            assertEquals(60_000_000L - limit, data().payable(operator), "the rest stays owed for the next proposal");
        }
    }

    @Test
    @Order(6)
    void shouldTakeASweepBackWhenAReorgRemovesItsBlockAndConfirmTheSameBytesOnce() {
        chain.fund(60_000_000L);
        worker.runOnce();
        SweepRow row = sweeps.newest(1).getFirst();
        assertEquals(SweepState.BROADCAST, row.sweep().state());
        String txid = row.sweep().txid();
        RegtestNode.await("sweep in the node's mempool", java.time.Duration.ofSeconds(30), () -> node.mempool().contains(txid));
        String block = node.mine(1).getFirst();
        assertTrue(node.blockTxids(block).contains(txid));
        chain.mine(payouts.confirmations() - 1);
        worker.runOnce();
        assertEquals(SweepState.CONFIRMED, sweeps.newest(1).getFirst().sweep().state());
        long cold = ledger.balances().get(LedgerService.COLD_STORAGE);

        assertTrue(node.mempool().isEmpty(), "an empty mempool, so bcoin drops the invalidated blocks' transactions");
        int tip = node.blockCount();
        node.invalidateBlock(node.rpc("getblockhash", tip - payouts.confirmations() + 1).asText());
        node.mine(payouts.confirmations() + 1);
        RegtestNode.await("wallet at the new tip", java.time.Duration.ofSeconds(60),
                () -> wallet.state().synced() && wallet.state().chainHeight() == node.blockCount());
        worker.runOnce();
        Sweep back = sweeps.newest(1).getFirst().sweep();
        assertEquals(SweepState.BROADCAST, back.state(), "back in flight");
        assertEquals(1, back.reorgCount());
        assertEquals(cold - back.sweptSats(), ledger.balances().get(LedgerService.COLD_STORAGE), "its booking reversed");
        RegtestNode.await("the stored bytes sent again", java.time.Duration.ofSeconds(30), () -> node.mempool().contains(txid));
        assertEquals(java.util.HexFormat.of().formatHex(row.raw()), node.rpc("getrawtransaction", txid).asText());

        chain.mine(payouts.confirmations());
        worker.runOnce();
        List<SweepRow> all = sweeps.newest(10);
        assertEquals(SweepState.CONFIRMED, all.getFirst().sweep().state());
        assertEquals(3, all.size(), "the same sweep confirmed again, no new one");
        assertEquals(back.sweptSats(), onChainTo(txid, row.coldAddress()));
        assertBooksEqualWallets(cold);
    }

    private org.proxyfund.payout.PayoutTestData data() {
        return new org.proxyfund.payout.PayoutTestData(em);
    }

    private long approvedBatch(String key) {
        org.proxyfund.payout.PayoutOutcome proposed = payoutService.propose(key + "-" + java.util.UUID.randomUUID());
        long id = ((org.proxyfund.payout.PayoutOutcome.Proposed) proposed).batches().getFirst().id();
        for (int i = 0; i < 2 && batchState(id) != org.proxyfund.payout.BatchState.APPROVED; i++) {
            payoutService.approve(id, data().admin(), payoutQueries.batch(id).orElseThrow().revision());
        }
        assertEquals(org.proxyfund.payout.BatchState.APPROVED, batchState(id));
        return id;
    }

    private org.proxyfund.payout.BatchState batchState(long id) {
        return payoutQueries.batch(id).orElseThrow().state();
    }

    /** Hot at most the cap: at cap - sweep-min, give or take the sweep's fee. */
    private void assertHotAtTarget(long feeSats) {
        long hot = wallet.balance(payouts.confirmations()).confirmedSats();
        assertTrue(hot <= HotFloatResource.CAP && Math.abs(hot - TARGET) <= feeSats, "hot " + hot + " sats");
    }

    private void confirm(String txid) {
        chain.mine(payouts.confirmations());
        RegtestNode.await("sweep confirmed", java.time.Duration.ofSeconds(60), () -> {
            worker.runOnce();
            return sweeps.newest(10).stream().anyMatch(r -> r.sweep().txid().equals(txid)
                    && r.sweep().state() == SweepState.CONFIRMED);
        });
    }

    private void assertBooksEqualWallets(long coldSats) {
        assertEquals(0, ledger.total(), "the books sum to zero");
        assertEquals(coldSats, ledger.balances().get(LedgerService.COLD_STORAGE), "cold storage = what the sweeps moved");
        assertEquals(chain.confirmedBalance(), ledger.balances().get(LedgerService.WALLET), "hot account = hot wallet");
        assertTrue(check.run().ok(), "the ledger check holds");
    }

    /** What the transaction pays to {@code address}, read from the node's block (bcoin spells regtest addresses rb1…). */
    private long onChainTo(String txid, String address) {
        long sats = 0;
        String hash = node.bestBlockHash();
        for (int back = 0; back < 200; back++) {
            JsonNode block = node.rpc("getblock", hash, true, true);
            for (JsonNode tx : block.path("tx")) {
                if (!tx.path("txid").asText().equals(txid)) {
                    continue;
                }
                for (JsonNode vout : tx.path("vout")) {
                    JsonNode spk = vout.path("scriptPubKey");
                    String a = spk.path("address").asText(spk.path("addresses").path(0).asText(""));
                    if (a.equals(RegtestNode.toNode(address))) {
                        sats += new BigDecimal(vout.path("value").asText()).movePointRight(8).longValueExact();
                    }
                }
                return sats;
            }
            hash = block.path("previousblockhash").asText();
        }
        throw new AssertionError(txid + " is in none of the node's last 200 blocks");
    }

    private Electrum electrum() throws IOException {
        return Electrum.restore(Files.readString(Path.of(coldFolder, "mnemonic")));
    }
}
