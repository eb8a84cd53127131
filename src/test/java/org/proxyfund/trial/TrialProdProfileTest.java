package org.proxyfund.trial;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.node.LocalNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prod profile, even with trial mode asked for, has no trial path for anyone, an admin included (404 before any
 * sign-in check), and no page carries the banner.
 */
@QuarkusTest
@TestProfile(ProdTrialAttemptProfile.class)
class TrialProdProfileTest {

    private static final String[] PAGES = {"/admin/trial", "/admin/trial/", "/admin/trial/pay", "/admin/trial/mine", "/admin/trial/other"};

    @Test
    void shouldAnswer404OnEveryTrialPathToAnonymousVisitorsAndAdminsAlike() {
        WebClient anonymous = new WebClient();
        anonymous.get("/");
        WebClient admin = WebClient.admin();
        admin.get("/admin");
        for (String path : PAGES) {
            assertEquals(404, anonymous.get(path).statusCode(), "GET " + path);
            assertEquals(404, admin.get(path).statusCode(), "admin GET " + path);
        }
        // A page with a form, for the session's CSRF token: the request gets past the CSRF filter to the resource.
        Response console = admin.get("/admin/payouts");
        assertEquals(200, console.statusCode(), "signed in as admin: " + console.asString());
        Response pay = admin.post("/admin/trial/pay", "address", "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", "amount", "0.5");
        assertEquals(404, pay.statusCode(), pay.asString());
        admin.get("/admin/payouts");
        assertEquals(404, admin.post("/admin/trial/mine", "blocks", "1").statusCode());
        assertTrue(LocalNode.running().isEmpty(), "no local node either, though asked for");
        WebClient operator = new WebClient();
        operator.signUp("prodop");
        assertFalse(operator.get("/dashboard").asString().contains("trial-payout-form"));
        assertEquals(404, operator.post("/trial/payout-address").statusCode(), "no trial payout address in prod");
    }

    @Test
    void shouldShowNoBannerAndNoConsoleLink() {
        for (String path : new String[] {"/", "/donate", "/login", "/transparency"}) {
            String page = new WebClient().get(path + "?lang=en").asString();
            assertFalse(page.contains("trial-banner") || page.contains("Trial mode"), path);
        }
        String console = WebClient.admin().get("/admin").asString();
        assertFalse(console.contains("/admin/trial"), "no link to a console that does not exist");
    }
}
