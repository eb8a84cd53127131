package org.proxyfund.donation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.audit.LedgerCheck;
import org.proxyfund.operator.WebClient;
import org.proxyfund.audit.LedgerCheckService;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(WalletTestProfile.class)
class DonationFlowTest {

    private static final Pattern BIP21 = Pattern.compile("id=\"bip21\" href=\"([^\"]+)\"");
    private static final Pattern ADDRESS = Pattern.compile("id=\"address\">([a-z0-9]+)<");

    @Inject
    WalletService wallet;
    @Inject
    DonationService donations;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerCheckService checks;
    @Inject
    EntityManager em;

    private final RegtestNode node = RegtestNode.shared();

    @BeforeEach
    void synced() {
        try {
            RegtestNode.await("wallet sync", Duration.ofSeconds(30),
                    () -> wallet.state().synced() && wallet.state().chainHeight() >= node.blockCount());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + wallet.state() + ", node at " + node.blockCount(), e);
        }
    }

    private String createDonation(String amount, String message) {
        WebClient donor = new WebClient();
        donor.get("/donate");
        Response r = donor.post("/donate", "amount", amount, "message", message);
        assertEquals(303, r.statusCode(), r.body().asString());
        String location = r.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private Donation donation(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Donation d = Donation.findById(id);
            em.detach(d);
            return d;
        });
    }

    private void awaitStatus(String id, DonationStatus status) {
        RegtestNode.await("donation " + status, Duration.ofSeconds(40), () -> donation(id).status == status);
    }

    private long totalReceived() {
        return given().get("/api/v1/transparency").then().statusCode(200).extract().jsonPath().getLong("totalReceivedSats");
    }

    @Test
    void shouldShowABip21LinkAndAQrCodeThatDecodesToIt() throws Exception {
        String id = createDonation("0.0015", "for the volunteers");
        String page = given().get("/donate/" + id).then().statusCode(200).extract().asString();
        Matcher uri = BIP21.matcher(page);
        Matcher address = ADDRESS.matcher(page);
        assertTrue(uri.find() && address.find(), page);
        String expected = "bitcoin:" + address.group(1) + "?amount=0.0015&amp;label=proxyfund";
        assertEquals(expected, uri.group(1));
        String svg = given().get("/donate/" + id + "/qr.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        assertEquals(expected.replace("&amp;", "&"), QrDecoder.decode(svg));
        assertTrue(page.contains("src=\"/donate/" + id + "/qr.svg\""));
        given().get("/donate?lang=ru").then().statusCode(200).body(containsString("Получить адрес"));
        given().get("/donate/" + id + "?lang=ru").then().statusCode(200)
                .body(containsString("Ожидаем платёж")).body(containsString("id=\"bip21\""));
    }

    @Test
    void shouldHandEveryDonationAFreshAddressAndEscapeItsMessage() {
        String a = createDonation("", "<script>alert(1)</script>");
        String b = createDonation("", "");
        assertNotEquals(donation(a).address, donation(b).address);
        given().get("/donate/" + a).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(org.hamcrest.Matchers.not(containsString("<script>alert(1)")));
        WebClient donor = new WebClient();
        donor.get("/donate");
        donor.post("/donate", "amount", "0.123456789", "message", "").then().statusCode(400)
                .body(containsString("at most 8 decimals"));
        donor.post("/donate", "amount", "", "message", "x".repeat(201)).then().statusCode(400);
        donor.postWithoutToken("/donate", "amount", "", "message", "forged").then().statusCode(403);
        given().get("/donate/not-a-real-donation-id-000").then().statusCode(404);
    }

    @Test
    void shouldGoFromWaitingToSeenToConfirmedAndBookTheLedger() {
        long receivedBefore = totalReceived();
        long walletAccountBefore = ledger.balances().getOrDefault(LedgerService.WALLET, 0L);
        String id = createDonation("0.0015", null);
        assertEquals(DonationStatus.WAITING, donation(id).status);
        String txid = node.sendToAddress(donation(id).address, 150_000L);
        awaitStatus(id, DonationStatus.SEEN);
        assertEquals(150_000L, donation(id).receivedSats);
        assertEquals(0L, donation(id).confirmedSats);
        assertEquals(walletAccountBefore, ledger.balances().getOrDefault(LedgerService.WALLET, 0L), "nothing booked before confirmation");

        node.mine(1);
        awaitStatus(id, DonationStatus.CONFIRMED);
        assertEquals(150_000L, donation(id).confirmedSats);
        assertEquals(walletAccountBefore + 150_000L, ledger.balances().get(LedgerService.WALLET));
        assertEquals(receivedBefore + 150_000L, totalReceived());
        LedgerCheck check = checks.run();
        assertTrue(check.sumsToZero());
        assertTrue(wallet.confirmations(txid) >= 1);
        given().get("/donate/" + id).then().body(containsString("Paid in full."));
        given().get("/transparency").then().statusCode(200).body(containsString("Where the money goes"));
    }

    @Test
    void shouldAddUpTwoPaymentsToOneAddressAndShowTheShortfall() {
        String id = createDonation("0.01", null);
        String address = donation(id).address;
        node.sendToAddress(address, 300_000L);
        node.sendToAddress(address, 200_000L);
        RegtestNode.await("both payments seen", Duration.ofSeconds(40), () -> donation(id).receivedSats == 500_000L);
        node.mine(1);
        awaitStatus(id, DonationStatus.CONFIRMED);
        assertEquals(500_000L, donation(id).confirmedSats);
        given().get("/donate/" + id).then().body(containsString("Underpaid by 0.005 BTC"));
    }

    @Test
    void shouldReverseAConfirmedDonationWhenAReorgRemovesItsPaymentAndTellTheDonor() {
        node.mine(1); // an empty mempool: bcoin then drops, rather than re-queues, the invalidated block's transactions
        String id = createDonation(null, null);
        String txid = node.sendToAddress(donation(id).address, 250_000L);
        awaitStatus(id, DonationStatus.SEEN);
        String raw = node.rpc("getrawtransaction", txid).asText(); // what the donor's wallet keeps and can send again
        given().get("/donate/" + id).then().body(not(containsString("id=\"left-chain\"")));
        String block = node.mine(1).get(0);
        awaitStatus(id, DonationStatus.CONFIRMED);
        long walletAccount = ledger.balances().get(LedgerService.WALLET);

        node.invalidateBlock(block);
        node.mine(2);
        awaitStatus(id, DonationStatus.SEEN);
        given().get("/donate/" + id + "?lang=en").then().statusCode(200)
                .body(containsString("Your payment left the chain"))
                .body(containsString("id=\"left-chain\""))
                .body(containsString("Your payment " + txid + " was in a block"));
        given().get("/donate/" + id + "?lang=ru").then().statusCode(200)
                .body(containsString("Ваш платёж покинул цепочку"))
                .body(containsString("Ваш платёж " + txid + " был в блоке"));
        assertEquals(0L, donation(id).confirmedSats);
        assertEquals(walletAccount - 250_000L, ledger.balances().get(LedgerService.WALLET));
        Number reversals = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM ledger_entry WHERE kind = 'REVERSAL' AND reference LIKE ?1")
                .setParameter(1, "%" + id + "%").getSingleResult());
        assertEquals(1, reversals.intValue());
        assertTrue(checks.run().sumsToZero());

        // The donor's wallet sends it again (bcoin dropped it with the block): confirmed again, the notice goes.
        node.sendRawTransaction(raw);
        node.mine(1);
        awaitStatus(id, DonationStatus.CONFIRMED);
        given().get("/donate/" + id + "?lang=en").then().statusCode(200)
                .body(not(containsString("id=\"left-chain\""))).body(containsString("Confirmed. Thank you!"));
    }

    @Test
    void shouldExpireNeverPaidDonationsButKeepWatchingThem() {
        String id = createDonation(null, null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE donation SET expires_at = now() - interval '1 minute' WHERE id = ?1").setParameter(1, id).executeUpdate());
        assertTrue(donations.expireOld() >= 1);
        assertEquals(DonationStatus.EXPIRED, donation(id).status);
        node.sendToAddress(donation(id).address, 120_000L);
        awaitStatus(id, DonationStatus.SEEN);
        node.mine(1);
        awaitStatus(id, DonationStatus.CONFIRMED);
    }
}
