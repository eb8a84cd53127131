package org.proxyfund.settlement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.*;

/** Earnings page (own data only, Russian), admin settlement pages and JSON (admins only), Hold / Release pay buttons. */
@QuarkusTest
class SettlementPagesTest {

    @Inject
    SettlementService service;

    @Inject
    LedgerService ledger;

    @Inject
    HoldService holds;

    @Inject
    DataSource ds;

    @BeforeEach
    void setUp() {
        cleanUp(ds, ledger);
        fund(ledger, 40_000_000L);
    }

    @AfterEach
    void tearDown() {
        cleanUp(ds, ledger);
    }

    private static long idOf(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
    }

    /** A signed-in operator, approved, with a proven payout address (written as the admin and proof flow would). */
    private long approvedOperator(WebClient web) {
        long id = idOf(web.signUp("earner"));
        exec(ds, "UPDATE account SET state = 'APPROVED' WHERE id = ?", id);
        exec(ds, "INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)"
                + " VALUES (?, ?, 'P2WPKH', 'challenge text for the test ....', 'PROVEN', 'BIP137', now())", id, org.proxyfund.payout.PayoutTestData.someAddress());
        return id;
    }

    @Test
    void shouldShowOperatorsOnlyTheirOwnEarningsInEnglishAndRussian() {
        WebClient alice = new WebClient();
        long aliceId = approvedOperator(alice);
        WebClient bob = new WebClient();
        approvedOperator(bob);
        Epoch e = service.calendar().epochContaining(Instant.parse("2025-07-09T00:00:00Z"));
        long ep = endpoint(ds, aliceId, "SOCKS5", "Iran");
        week(ds, ep, e, 59, 1, 0);
        Settlement s = service.settle(e).settlement();
        long amount = scalar(ds, "SELECT amount_sats FROM settlement_share WHERE settlement_id = ? AND operator_id = ?", s.id(), aliceId);
        assertTrue(amount > 0);

        alice.get("/account/earnings").then().statusCode(200)
                .body(containsString(e.key()))
                .body(containsString("98.33 %"))
                .body(containsString("Counted toward the share"))
                .body(containsString(amount + " sat"))
                .body(containsString("Owed to you now"));
        alice.get("/account/earnings?lang=ru").then().statusCode(200)
                .body(containsString("Заработок"))
                .body(containsString("Учтён в доле"))
                .body(containsString(amount + " сат"));
        bob.get("/account/earnings?lang=en").then().statusCode(200)
                .body(containsString("No settled epoch includes your endpoints yet."))
                .body(not(containsString(e.key())))
                .body(not(containsString(amount + " sat")));
        alice.get("/dashboard").then().statusCode(200).body(containsString("href=\"/account/earnings\""));
        new WebClient().get("/account/earnings").then().statusCode(302);
    }

    @Test
    void shouldShowAdminsTheWholeSettlementAndKeepOperatorsOut() {
        long op = operator(ds, "APPROVED", true);
        long ep = endpoint(ds, op, "MTPROTO", "Russia");
        Epoch e = service.calendar().epochContaining(Instant.parse("2025-07-16T00:00:00Z"));
        week(ds, ep, e, 40, 20, 0);
        Settlement s = service.settle(e).settlement();

        WebClient admin = WebClient.admin();
        admin.get("/admin/settlements").then().statusCode(200).body(containsString("/admin/settlements/" + e.key()));
        admin.get("/admin/settlements/" + e.key()).then().statusCode(200)
                .body(containsString("Budget inputs"))
                .body(containsString("Not paid: uptime below the threshold"))
                .body(containsString("weakEvidenceWeight"))
                .body(containsString(s.balanceSats() + " sat"));
        admin.get("/admin/settlements/" + e.key() + "?lang=ru").then().statusCode(200)
                .body(containsString("Исходные данные бюджета"))
                .body(containsString("Не оплачен: время работы ниже порога"));
        admin.get("/admin/settlements/1999-W01").then().statusCode(404);
        String adminToken = admin.createApiToken();
        JsonPath json = given().header("Authorization", "Bearer " + adminToken).get("/api/v1/admin/settlements/" + e.key())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(e.key(), json.getString("settlement.epochKey"));
        assertEquals("BELOW_THRESHOLD", json.getString("endpoints[0].outcome"));
        assertEquals(40, json.getInt("endpoints[0].up") / 168);
        assertEquals(0L, json.getLong("shares[0].amountSats"));

        WebClient operator = new WebClient();
        operator.signUp("nosy");
        operator.get("/admin/settlements").then().statusCode(403);
        operator.get("/admin/settlements/" + e.key()).then().statusCode(403);
        String token = operator.createApiToken();
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/settlements/" + e.key()).then().statusCode(403);
        given().get("/api/v1/admin/settlements").then().statusCode(401);
    }

    @Test
    void shouldLetAnAdminHoldAndReleaseAFlaggedOperatorsPayWithAnAuditTrail() {
        long a = operator(ds, "APPROVED", true);
        long b = operator(ds, "APPROVED", false);
        // b names a's payout address: the SHARED_PAYOUT flag lists both
        exec(ds, "UPDATE payout_address SET address = (SELECT address FROM payout_address WHERE account_id = ? AND state <> 'REPLACED')"
                + " WHERE account_id = ?", a, b);
        String handleA = handle(ds, a);
        WebClient admin = WebClient.admin();
        admin.get("/admin").then().statusCode(200).body(containsString("action=\"/admin/holds/hold\""))
                .body(containsString("value=\"" + handleA + "\""));
        admin.postWithoutToken("/admin/holds/hold", "handle", handleA, "reason", "shares a payout address").then().statusCode(403);
        admin.post("/admin/holds/hold", "handle", handleA, "reason", "").then().statusCode(400)
                .body(containsString("Give a reason"));
        admin.post("/admin/holds/hold", "handle", handleA, "reason", "shares a payout address").then().statusCode(303);
        assertTrue(holds.heldByHandle(handleA));
        admin.get("/admin").then().statusCode(200).body(containsString("Pay on hold"));
        admin.post("/admin/holds/hold", "handle", handleA, "reason", "again").then().statusCode(409);

        long ep = endpoint(ds, a, "SOCKS5", "Iran");
        Epoch e = service.calendar().epochContaining(Instant.parse("2025-07-23T00:00:00Z"));
        week(ds, ep, e, 60, 0, 0);
        Settlement s = service.settle(e).settlement();
        assertEquals("HELD", query(ds, "SELECT outcome FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                rs -> rs.getString(1), s.id(), ep).get(0));

        admin.get("/admin");
        admin.post("/admin/holds/release", "handle", handleA, "reason", "checked: a couple").then().statusCode(303);
        assertFalse(holds.heldByHandle(handleA));
        admin.get("/admin/audit").then().statusCode(200).body(containsString("PAY_HOLD")).body(containsString("PAY_RELEASE"));
        WebClient operator = new WebClient();
        operator.signUp("holdme");
        operator.get("/account");
        operator.post("/admin/holds/hold", "handle", handleA, "reason", "x").then().statusCode(403);
    }
}
