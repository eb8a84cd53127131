package org.proxyfund.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.donation.DonationService;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records people keep, on the regtest node with a block explorer configured (the wallet test profile has one):
 * an operator's payout history (page and API) and a donor's receipt with block, date, output and explorer links; the
 * admin payout-batch API as its OpenAPI document describes it; the ledger journal; CSV exports read back with an
 * independent parser.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class RecordsTest {

    @Inject
    PayoutQueries queries;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    DonationService donations;
    @Inject
    EntityManager em;

    PayoutTestData data;
    final RegtestNode node = RegtestNode.shared();

    @BeforeEach
    void setUp() {
        data = new PayoutTestData(em);
        chain.mine(1);
        chain.awaitSynced();
        if (chain.confirmedBalance() < 100_000_000L) {
            chain.fund(300_000_000L);
        }
    }

    /** A signed-up operator, approved, with a proven payout address; returns the account id. */
    private long operator(WebClient web, String address) {
        String handle = web.signUp("records");
        long id = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE account SET state = 'APPROVED' WHERE id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)
                    VALUES (?1, ?2, 'P2WPKH', 'prove this address for the records tests', 'PROVEN', 'BIP322_SIMPLE', now())""")
                    .setParameter(1, id).setParameter(2, address).executeUpdate();
        });
        return id;
    }

    /** The height and time of the block of the node's best chain holding {@code txid}, and the output paying {@code address}. */
    private long[] onChain(String txid, String address, int fromHeight) {
        for (int h = node.blockCount(); h >= fromHeight; h--) {
            JsonNode block = node.rpc("getblock", node.rpc("getblockhash", h).asText(), true, true);
            for (JsonNode tx : block.path("tx")) {
                if (tx.path("txid").asText().equals(txid)) {
                    int n = 0;
                    for (JsonNode out : tx.path("vout")) {
                        String a = out.path("scriptPubKey").path("address").asText(null);
                        if (a == null && out.path("scriptPubKey").path("addresses").isArray()) {
                            a = out.path("scriptPubKey").path("addresses").path(0).asText(null);
                        }
                        if (RegtestNode.toNode(address).equals(a)) {
                            return new long[] {h, block.path("time").asLong(), n};
                        }
                        n++;
                    }
                }
            }
        }
        throw new AssertionError(txid + " paying " + address + " is not in the chain");
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    private static String token(WebClient admin) {
        return admin.createApiToken();
    }

    @Test
    void shouldShowTheOperatorEachPayoutWithBlockDateOutputAddressAndExplorerLinks() {
        int fromHeight = node.blockCount() + 1;
        WebClient web = new WebClient();
        String address = PayoutTestData.someAddress();
        long me = operator(web, address);
        data.owe(me, 123_456L);
        PayoutOutcome.Proposed proposed = assertInstanceOf(PayoutOutcome.Proposed.class, payouts.propose("records-" + UUID.randomUUID()));
        PayoutBatchView batch = proposed.batches().stream()
                .filter(b -> queries.lines(b.id()).stream().anyMatch(l -> l.accountId() == me)).findFirst().orElseThrow();
        payouts.approve(batch.id(), data.admin(), batch.revision());
        if (queries.batch(batch.id()).orElseThrow().state() != BatchState.APPROVED) {
            payouts.approve(batch.id(), data.admin(), batch.revision());
        }
        // sent once the wallet has coins as deep as payouts want them (earlier tests' change may still be shallow)
        RegtestNode.await("batch " + batch.id() + " sent", Duration.ofSeconds(90), () -> {
            worker.sendApproved();
            if (queries.batch(batch.id()).orElseThrow().state() != BatchState.APPROVED) {
                return true;
            }
            chain.mine(1);
            return false;
        });
        RegtestNode.await("batch confirmed", Duration.ofSeconds(90), () -> {
            chain.mine(1);
            worker.track();
            return queries.batch(batch.id()).orElseThrow().state() == BatchState.CONFIRMED;
        });
        String txid = queries.batch(batch.id()).orElseThrow().confirmedTxid();
        long[] block = onChain(txid, address, fromHeight);

        String token = web.createApiToken();
        JsonPath mine = given().header("Authorization", "Bearer " + token).get("/api/v1/account/payouts")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = mine.getMap("find { it.batchId == " + batch.id() + " }");
        assertEquals("CONFIRMED", row.get("state"));
        assertEquals(123_456, ((Number) row.get("amountSats")).intValue());
        assertEquals(txid, row.get("txid"));
        assertEquals(WalletTestProfile.TX_URL + txid, row.get("txUrl"), "the configured network's explorer");
        assertEquals(address, row.get("address"));
        assertEquals(WalletTestProfile.ADDRESS_URL + address, row.get("addressUrl"));
        assertEquals((int) block[2], row.get("vout"), "the output index the chain shows");
        assertEquals((int) block[0], row.get("blockHeight"), "the block the chain shows");
        assertEquals(Instant.ofEpochSecond(block[1]), Instant.parse((String) row.get("blockTime")));
        assertEquals(node.blockCount() - (int) block[0] + 1, row.get("confirmations"));

        String page = web.get("/account/earnings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"" + WalletTestProfile.TX_URL + txid + "\""), "txid linked on the earnings page");
        assertTrue(page.contains("href=\"" + WalletTestProfile.ADDRESS_URL + address + "\""), "address linked");
        assertTrue(page.contains("<td class=\"block\">" + block[0] + "</td>"), "block height shown");
        assertTrue(page.contains("<td class=\"vout\">" + block[2] + "</td>"), "output index shown");
        assertTrue(web.get("/account/earnings?lang=ru").then().statusCode(200).extract().asString().contains("Куда выплачено"));
        WebClient other = new WebClient();
        operator(other, PayoutTestData.someAddress());
        assertTrue(!other.get("/account/earnings").then().statusCode(200).extract().asString().contains(txid),
                "another operator never sees it");
    }

    @Test
    void shouldGiveTheDonorAReceiptWithAmountTransactionDateConfirmationsAndExplorerLinks() {
        int fromHeight = node.blockCount() + 1;
        String id = ((DonationService.CreateResult.Created) donations.create(null, null)).donation().id;
        String address = QuarkusTransaction.requiringNew().call(() -> donations.find(id).orElseThrow().address);
        String txid = node.sendToAddress(address, 777_777L);
        node.mine(2);
        chain.awaitSynced();
        RegtestNode.await("donation confirmed", Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> donations.find(id).orElseThrow().confirmedSats) == 777_777L);
        long[] block = onChain(txid, address, fromHeight);

        String status = given().get("/donate/" + id).then().statusCode(200).extract().asString();
        assertTrue(status.contains("href=\"/donate/" + id + "/receipt\""), "the donation page links to its receipt");
        String receipt = given().get("/donate/" + id + "/receipt").then().statusCode(200).extract().asString();
        assertTrue(receipt.contains("777777 sat"), receipt);
        assertTrue(receipt.contains("href=\"" + WalletTestProfile.TX_URL + txid + "\""), "txid linked to the configured explorer");
        assertTrue(receipt.contains("<code>" + txid + ":" + block[2] + "</code>"), "transaction and output");
        assertTrue(receipt.contains("<td class=\"block\">" + block[0] + "</td>"));
        String date = Instant.ofEpochSecond(block[1]).toString().substring(0, 19).replace('T', ' ');
        assertTrue(receipt.contains("<td class=\"date\">" + date + " UTC</td>"), "the block's date: " + date);
        assertTrue(receipt.contains("<td class=\"confirmations\">" + (node.blockCount() - block[0] + 1) + "</td>"));
        assertTrue(receipt.contains("href=\"" + WalletTestProfile.ADDRESS_URL + address + "\""));
        assertTrue(given().get("/donate/" + id + "/receipt?lang=ru").then().statusCode(200).extract().asString()
                .contains("Квитанция о пожертвовании"));
        Response text = given().get("/donate/" + id + "/receipt.txt");
        assertEquals(200, text.statusCode());
        assertTrue(text.getHeader("Content-Disposition").startsWith("attachment"), "saved as a file");
        assertTrue(text.asString().contains(txid + ":" + block[2]) && text.asString().contains("0.00777777 BTC"), text.asString());
        given().get("/donate/" + "A".repeat(22) + "/receipt").then().statusCode(404);
    }

    @Test
    void shouldApproveAndRejectBatchesThroughTheAdminApiAsItsOpenApiDocumentSays() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/v1/admin/payouts", "/api/v1/admin/payouts/{id}", "/api/v1/admin/payouts/{id}/approve",
                "/api/v1/admin/payouts/{id}/reject", "/api/v1/admin/ledger/entries", "/api/v1/admin/exports/{name}.csv",
                "/api/v1/account/payouts", "/api/v1/transparency")) {
            assertNotNull(openapi.get("paths.'" + path + "'"), path + " is documented");
        }
        assertTrue(openapi.getMap("paths.'/api/v1/admin/payouts/{id}/approve'.post.responses").containsKey("409"),
                "a refused approval is documented");
        Set<String> detailFields = openapi.getMap("components.schemas.PayoutBatchDetail.properties").keySet()
                .stream().map(Object::toString).collect(java.util.stream.Collectors.toSet());
        Set<String> pageFields = openapi.getMap("components.schemas.Page.properties").keySet()
                .stream().map(Object::toString).collect(java.util.stream.Collectors.toSet());

        WebClient admin = WebClient.admin();
        String token = token(admin);
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        data.owe(a, 50_000L);
        data.owe(b, 60_000L);
        PayoutOutcome.Proposed proposed = assertInstanceOf(PayoutOutcome.Proposed.class, payouts.propose("records-api-" + UUID.randomUUID()));
        long batch = proposed.batches().getFirst().id();

        JsonPath list = given().header("Authorization", "Bearer " + token).queryParam("state", "proposed").queryParam("limit", 500)
                .get("/api/v1/admin/payouts").then().statusCode(200).extract().jsonPath();
        assertTrue(list.getList("batches.id", Long.class).contains(batch));
        assertTrue(pageFields.containsAll(list.getMap("").keySet()), "the page has the documented fields: " + list.getMap("").keySet());
        JsonPath shown = given().header("Authorization", "Bearer " + token).get("/api/v1/admin/payouts/" + batch)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(detailFields.containsAll(shown.getMap("").keySet()), "the batch has the documented fields");
        int revision = shown.getInt("batch.revision");
        assertTrue(shown.getList("lines.accountId", Long.class).containsAll(List.of(a, b)));

        Response stale = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"revision\": " + (revision + 1) + "}").post("/api/v1/admin/payouts/" + batch + "/approve");
        assertEquals(409, stale.statusCode());
        assertEquals("application/problem+json", stale.contentType().split(";")[0]);
        assertEquals("payout.old-revision", stale.jsonPath().getString("code"));
        assertTrue(stale.jsonPath().getString("detail").contains("revision " + (revision + 1)), stale.asString());
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .post("/api/v1/admin/payouts/" + batch + "/approve").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("revision"));

        JsonPath approved = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"revision\": " + revision + "}").post("/api/v1/admin/payouts/" + batch + "/approve")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("APPROVED", approved.getString("batch.batch.state"));
        assertEquals("payout.already-approved", given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"revision\": " + revision + "}").post("/api/v1/admin/payouts/" + batch + "/approve")
                .then().statusCode(409).extract().jsonPath().getString("code"));

        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"reason\": \"\"}")
                .post("/api/v1/admin/payouts/" + batch + "/reject").then().statusCode(400);
        JsonPath rejected = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"reason\": \"same person behind both operators\"}").post("/api/v1/admin/payouts/" + batch + "/reject")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("REJECTED", rejected.getString("batch.batch.state"));
        assertEquals(50_000L, data.payable(a), "a rejected batch leaves the amount owed");
        assertEquals("payout.invalid-state", given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"revision\": " + revision + "}").post("/api/v1/admin/payouts/" + batch + "/approve")
                .then().statusCode(409).extract().jsonPath().getString("code"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/payouts/999999999").then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("payout.not-found"));
        given().header("Authorization", "Bearer " + token).queryParam("state", "PAID").get("/api/v1/admin/payouts").then().statusCode(400);
        given().get("/api/v1/admin/payouts").then().statusCode(401);
        WebClient operator = new WebClient();
        operator.signUp("records-nosy");
        given().header("Authorization", "Bearer " + operator.createApiToken()).get("/api/v1/admin/payouts").then().statusCode(403);
        // the page of the same batch shows the same refusal history
        assertTrue(admin.get("/admin/payouts/" + batch).then().statusCode(200).extract().asString().contains("same person behind both operators"));
    }

    @Test
    void shouldPageTheLedgerJournalAndExportCsvThatParsesBackToTheSameSums() throws Exception {
        String message = "=HYPERLINK(\"http://evil.example\",\"click\"), with a comma\nand a \"quote\"";
        String id = ((DonationService.CreateResult.Created) donations.create(null, message)).donation().id;
        String address = QuarkusTransaction.requiringNew().call(() -> donations.find(id).orElseThrow().address);
        node.sendToAddress(address, 424_242L);
        node.mine(1);
        chain.awaitSynced();
        RegtestNode.await("donation confirmed", Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> donations.find(id).orElseThrow().confirmedSats) == 424_242L);
        WebClient admin = WebClient.admin();
        String token = token(admin);

        JsonPath first = given().header("Authorization", "Bearer " + token).queryParam("limit", 3).get("/api/v1/admin/ledger/entries")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, first.getList("entries").size());
        long next = first.getLong("nextBefore");
        JsonPath second = given().header("Authorization", "Bearer " + token).queryParam("limit", 3).queryParam("before", next)
                .get("/api/v1/admin/ledger/entries").then().statusCode(200).extract().jsonPath();
        List<Long> ids1 = first.getList("entries.id", Long.class);
        List<Long> ids2 = second.getList("entries.id", Long.class);
        assertTrue(ids1.getLast() > ids2.getFirst(), "the next page is older: " + ids1 + " then " + ids2);
        for (Map<String, Object> e : first.<Map<String, Object>>getList("entries")) {
            List<Map<String, Object>> lines = (List<Map<String, Object>>) e.get("lines");
            assertEquals(0L, lines.stream().mapToLong(l -> ((Number) l.get("amountSats")).longValue()).sum(), "entry " + e.get("id") + " balances");
        }
        assertTrue(admin.get("/admin/ledger/journal").then().statusCode(200).extract().asString().contains("id=\"entry-" + ids1.getFirst() + "\""));
        assertTrue(admin.get("/admin/ledger/journal?lang=ru").then().statusCode(200).extract().asString().contains("Журнал бухгалтерии"));

        JsonPath t = given().get("/api/v1/transparency").then().statusCode(200).extract().jsonPath();
        Response donationsCsv = given().header("Authorization", "Bearer " + token).get("/api/v1/admin/exports/donations.csv");
        assertEquals(200, donationsCsv.statusCode());
        assertTrue(donationsCsv.contentType().startsWith("text/csv"));
        assertTrue(donationsCsv.getHeader("Content-Disposition").contains("proxyfund-donations-"));
        List<CSVRecord> rows = csv(donationsCsv.asString());
        long confirmed = 0;
        for (CSVRecord r : rows) {
            assertEquals(new BigDecimal(r.get("amount_sats")).movePointLeft(8), new BigDecimal(r.get("amount_btc")), "BTC is exact");
            if (r.get("status").equals("CONFIRMED")) {
                confirmed += Long.parseLong(r.get("amount_sats"));
            }
        }
        assertEquals(t.getLong("totalReceivedSats"), confirmed, "the export adds up to the transparency page's received");
        CSVRecord mine = rows.stream().filter(r -> r.get("donation_id").equals(id)).findFirst().orElseThrow();
        assertEquals("'" + message, mine.get("message"), "a formula is defused by a leading apostrophe; commas, quotes and"
                + " line breaks survive the round trip");

        List<CSVRecord> payoutRows = csv(given().header("Authorization", "Bearer " + token).get("/api/v1/admin/exports/payouts.csv").asString());
        long paid = payoutRows.stream().filter(r -> r.get("kind").equals("payout")).mapToLong(r -> Long.parseLong(r.get("amount_sats"))).sum();
        long fees = payoutRows.stream().filter(r -> r.get("kind").equals("fee")).mapToLong(r -> Long.parseLong(r.get("amount_sats"))).sum();
        assertEquals(t.getLong("paidToOperatorsSats"), paid, "payout rows add up to paid");
        assertEquals(t.getLong("minerFeesSats"), fees, "fee rows add up to the miner fees");

        String ledgerText = admin.get("/admin/exports/ledger.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> ledgerRows = csv(ledgerText);
        assertEquals(0L, ledgerRows.stream().mapToLong(r -> Long.parseLong(r.get("amount_sats"))).sum(), "the ledger sums to zero");
        assertEquals(BigDecimal.ZERO.setScale(8), ledgerRows.stream().map(r -> new BigDecimal(r.get("amount_btc")))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertNotEquals(0, ledgerRows.stream().filter(r -> r.get("amount_sats").startsWith("-")).count(),
                "credits stay numbers (no apostrophe before a minus sign)");
        assertTrue(ledgerText.startsWith("entry_id,created_at,kind,reference,"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/exports/secrets.csv").then().statusCode(404);
        WebClient operator = new WebClient();
        operator.signUp("records-csv");
        operator.get("/admin/exports/ledger.csv").then().statusCode(403);
    }
}
