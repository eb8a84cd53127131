package org.proxyfund.payout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin payout pages with their forms, the operator's own payouts, and the authenticated HTTP trigger. */
@QuarkusTest
class PayoutPagesTest {

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    EntityManager em;

    PayoutTestData data;

    @BeforeEach
    void setUp() {
        data = new PayoutTestData(em);
    }

    PayoutBatchView batchWith(long accountId) {
        PayoutOutcome p = payouts.propose("pages-" + UUID.randomUUID());
        return ((PayoutOutcome.Proposed) p).batches().stream()
                .filter(b -> queries.lines(b.id()).stream().anyMatch(l -> l.accountId() == accountId)).findFirst().orElseThrow();
    }

    /** A signed-in operator made APPROVED with a PROVEN address, as the admin and the proof flow would. */
    long operatorSignedIn(WebClient web) {
        String handle = web.signUp("payee");
        long id = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE account SET state = 'APPROVED' WHERE id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)
                    VALUES (?1, ?2, 'P2WPKH', 'prove this address for the payout page tests', 'PROVEN', 'BIP322_SIMPLE', now())""")
                    .setParameter(1, id).setParameter(2, PayoutTestData.someAddress()).executeUpdate();
        });
        return id;
    }

    @Test
    void shouldLetAnAdminApproveOnlyTheRevisionShownAndOnceWithClearMessages() {
        long op = data.operator(PayoutTestData.someAddress());
        data.owe(op, 55_555);
        PayoutBatchView batch = batchWith(op);
        WebClient admin = WebClient.admin();
        admin.get("/admin/payouts").then().statusCode(200).body(containsString("/admin/payouts/" + batch.id()));
        admin.get("/admin/payouts/" + batch.id()).then().statusCode(200)
                .body(containsString("55555 sat")).body(containsString("name=\"revision\" value=\"1\""));
        payouts.removeLine(batch.id(), queries.lines(batch.id()).stream().filter(l -> l.accountId() != op)
                .map(PayoutLine::accountId).findFirst().orElse(op), data.admin());
        int current = queries.batch(batch.id()).orElseThrow().revision();
        if (current > 1) {
            admin.post("/admin/payouts/" + batch.id() + "/approve", "revision", "1").then().statusCode(409)
                    .body(containsString("quotes revision 1 but the batch is now at revision " + current));
        }
        admin.postWithoutToken("/admin/payouts/" + batch.id() + "/approve", "revision", String.valueOf(current))
                .then().statusCode(403);
        if (queries.batch(batch.id()).orElseThrow().state() == BatchState.PROPOSED) {
            admin.post("/admin/payouts/" + batch.id() + "/approve", "revision", String.valueOf(current)).then().statusCode(200)
                    .body(containsString("id=\"batch-state\" data-state=\"APPROVED\">approved"));
            admin.post("/admin/payouts/" + batch.id() + "/approve", "revision", String.valueOf(current)).then().statusCode(409)
                    .body(containsString("you already approved revision " + current));
        }
        admin.get("/admin/payouts/" + batch.id() + "?lang=ru").then().statusCode(200).body(containsString("История"))
                .body(containsString("data-kind=\"Proposed\">")).body(containsString("предложен"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*")));
        String ru = admin.get("/admin/payouts/" + batch.id() + "?lang=ru").then().statusCode(200).extract().asString();
        String history = ru.substring(ru.indexOf("id=\"events\""));
        assertTrue(history.matches("(?s).*строк: \\d+, \\d+ сат, часть 1 из \\d+.*"), "the proposal in Russian: " + history);
        assertFalse(history.contains(" lines, ") || history.contains("sats, part") || history.contains("approved revision"),
                "no English in the Russian history: " + history);
        assertTrue(ru.matches("(?s).*\\(строк: \\d+\\).*"), "the line count in Russian");
        String en = admin.get("/admin/payouts/" + batch.id() + "?lang=en").then().statusCode(200).extract().asString();
        assertTrue(en.matches("(?s).*\\d+ lines?, \\d+ sats, part 1 of \\d+.*"), "the proposal in English");
    }

    @Test
    void shouldAnswerARussianAdminsActionsInRussian() {
        long op = data.operator(PayoutTestData.someAddress());
        data.owe(op, 66_666);
        PayoutBatchView batch = batchWith(op);
        WebClient admin = WebClient.admin();
        admin.get("/admin/payouts/" + batch.id() + "?lang=ru").then().statusCode(200);
        admin.post("/admin/payouts/" + batch.id() + "/reject", "reason", " ").then().statusCode(400)
                .body(containsString("Укажите причину длиной не больше 500 символов."));
        PayoutBatchView now = queries.batch(batch.id()).orElseThrow();
        if (now.state() != BatchState.PROPOSED) {
            return;
        }
        String first = admin.post("/admin/payouts/" + batch.id() + "/approve", "revision", String.valueOf(now.revision()))
                .then().statusCode(200).extract().asString();
        assertTrue(first.contains("Готово.") || first.contains("Одобрение учтено; сумма"), first);
        admin.post("/admin/payouts/" + batch.id() + "/approve", "revision", String.valueOf(now.revision())).then().statusCode(409)
                .body(containsString("Вы уже одобрили ревизию " + now.revision() + " этой партии."))
                .body(not(containsString("you already approved")));
    }

    @Test
    void shouldKeepOperatorsOutOfTheAdminPagesAndShowThemOnlyTheirOwnPayouts() {
        WebClient alice = new WebClient();
        long aliceId = operatorSignedIn(alice);
        WebClient bob = new WebClient();
        operatorSignedIn(bob);
        data.owe(aliceId, 77_777);
        PayoutBatchView batch = batchWith(aliceId);
        alice.get("/admin/payouts").then().statusCode(403);
        alice.get("/admin/payouts/" + batch.id()).then().statusCode(403);
        alice.get("/account/earnings").then().statusCode(200).body(containsString("#" + batch.id()))
                .body(containsString("77777 sat")).body(containsString("waiting for approval"));
        alice.get("/account/earnings?lang=ru").then().statusCode(200).body(containsString("ждёт одобрения"));
        bob.get("/account/earnings").then().statusCode(200).body(not(containsString("77777 sat")))
                .body(containsString("id=\"no-payouts\""));
        payouts.reject(batch.id(), data.admin(), "checking the amounts again");
        alice.get("/account/earnings?lang=en").then().body(containsString("the amount stays owed to you"));
    }

    @Test
    void shouldRefuseTheHttpTriggerWithoutTheTokenAndYieldOneBatchSetWhenFiredTwice() {
        given().post("/api/v1/payouts/trigger").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").post("/api/v1/payouts/trigger").then().statusCode(401);
        long op = data.operator(PayoutTestData.someAddress());
        data.owe(op, 99_000);
        JsonPath first = given().header("Authorization", "Bearer trigger-token-for-tests").post("/api/v1/payouts/trigger")
                .then().statusCode(200).extract().jsonPath();
        JsonPath second = given().header("Authorization", "Bearer trigger-token-for-tests").post("/api/v1/payouts/trigger")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(first.getString("proposalKey"), second.getString("proposalKey"));
        assertTrue(first.getString("proposalKey").startsWith("epoch:"));
        assertFalse(second.getBoolean("created"), "the second trigger finds the first one's batches");
        List<Integer> ids = second.getList("batchIds");
        assertEquals(first.getList("batchIds"), ids);
        if (first.getBoolean("created")) {
            assertTrue(ids.stream().anyMatch(id -> queries.lines(id).stream().anyMatch(l -> l.accountId() == op)),
                    "the operator due is in the epoch's batch set");
        }
    }
}
