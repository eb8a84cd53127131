package org.proxyfund.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The admin console and admin API: who may enter, approval and suspension, flags, audit log, escaping. */
@QuarkusTest
class AdminPagesTest {

    private static long idOf(String handle) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
    }

    @Test
    void shouldKeepVisitorsAndOperatorsOutOfTheAdminPagesAndApi() {
        new WebClient().get("/admin").then().statusCode(302).header("Location", containsString("/login"));
        WebClient operator = new WebClient();
        operator.signUp("climber");
        operator.get("/admin").then().statusCode(403).body(containsString("Admin pages are only for admins"));
        operator.get("/admin/audit").then().statusCode(403);
        operator.get("/account");
        operator.post("/admin/operators/1/state", "state", "APPROVED").then().statusCode(403);
        String token = operator.post("/account/tokens", "name", "script").htmlPath().getString("**.find { it.@id == 'new-token' }");
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200).body("role", equalTo("OPERATOR"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/operators").then().statusCode(403);
        given().get("/api/v1/admin/operators").then().statusCode(401);
        // A session cookie never authorises the API.
        operator.request().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldLetTheBootstrappedAdminApproveAndSuspendWithAReasonShownAsText() {
        String handle = new WebClient().signUp("waiting");
        long id = idOf(handle);
        WebClient admin = WebClient.admin();
        admin.get("/admin").then().statusCode(200).body(containsString(handle));
        admin.post("/admin/operators/" + id + "/state", "state", "APPROVED", "reason", "").then().statusCode(200).body(containsString("Done."));
        admin.post("/admin/operators/" + id + "/state", "state", "APPROVED", "reason", "").then().statusCode(409)
                .body(containsString("This change of state is not allowed."));
        admin.post("/admin/operators/" + id + "/state", "state", "SUSPENDED", "reason", "").then().statusCode(400)
                .body(containsString("Give a reason for the suspension."));
        String markup = "<script>alert('x')</script><b>resold</b>";
        admin.post("/admin/operators/" + id + "/state", "state", "SUSPENDED", "reason", markup).then().statusCode(200);
        admin.get("/admin/audit").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;resold&lt;/b&gt;"))
                .body(not(containsString(markup)))
                .body(containsString("APPROVED-&gt;SUSPENDED"));
    }

    @Test
    void shouldOfferTheSameOperationsThroughTheAdminApi() {
        String handle = new WebClient().signUp("api-wait");
        long id = idOf(handle);
        WebClient admin = WebClient.admin();
        admin.get("/account");
        String token = admin.post("/account/tokens", "name", "admin script").htmlPath().getString("**.find { it.@id == 'new-token' }");
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/operators?state=PENDING")
                .then().statusCode(200).body("handle", hasItem(handle));
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"state\":\"SUSPENDED\"}")
                .post("/api/v1/admin/operators/" + id + "/state").then().statusCode(400)
                .body("code", equalTo("request.invalid")).body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo("state.reason-required"));
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"state\":\"APPROVED\",\"reason\":\"ok\"}")
                .post("/api/v1/admin/operators/" + id + "/state").then().statusCode(200)
                .body("handle", equalTo(handle)).body("state", equalTo("APPROVED"));
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"state\":\"PENDING\"}")
                .post("/api/v1/admin/operators/" + id + "/state").then().statusCode(409)
                .body("code", equalTo("state.not-allowed"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/audit")
                .then().statusCode(200).body("action", hasItem("PENDING->APPROVED"));
    }

    @Test
    void shouldFlagManySignUpsFromOneClientAddressWithoutStoringTheAddress() {
        WebClient first = new WebClient();
        String a = first.signUp("sybil");
        String b = new WebClient(first.address).signUp("sybil");
        String c = new WebClient(first.address).signUp("sybil");
        String page = WebClient.admin().get("/admin").asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("Many sign-ups from one client address"), "flag shown");
        for (String h : new String[]{a, b, c}) {
            org.junit.jupiter.api.Assertions.assertTrue(page.contains(h), h);
        }
        org.junit.jupiter.api.Assertions.assertFalse(page.contains(first.address), "the address itself is never shown");
    }

    @Test
    void shouldNeverLetSignUpCreateAnAdmin() {
        WebClient c = new WebClient();
        c.get("/signup");
        c.post("/signup", "handle", "ROOT-ADMIN", "password", "correct horse battery", "repeat", "correct horse battery")
                .then().statusCode(400).body(containsString("This handle is taken."));
        c.signUp("wannabe");
        c.get("/admin").then().statusCode(403);
    }
}
