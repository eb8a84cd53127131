package org.proxyfund.operator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up, login, logout and password change through the pages, on the real database. */
@QuarkusTest
class AccountPagesTest {

    @Inject
    EntityManager em;

    @Test
    void shouldSignUpWithHandleAndPasswordOnlyAndLandOnThePendingDashboard() {
        WebClient c = new WebClient();
        String handle = c.signUp("alice");
        c.get("/dashboard").then().statusCode(200)
                .body(containsString("waiting for approval"))
                .body(containsString("Uptime")).body(containsString("Earnings"));
        c.get("/account").then().statusCode(200).body(containsString(handle));
    }

    @Test
    void shouldSetTheSessionCookieHttpOnlyAndSameSiteAndStoreOnlyItsHash() {
        WebClient c = new WebClient();
        c.get("/signup");
        String handle = "cookie-" + System.nanoTime() % 100000;
        Response r = c.post("/signup", "handle", handle, "password", "correct horse battery", "repeat", "correct horse battery");
        assertEquals(303, r.statusCode());
        String setCookie = r.getHeaders().getValues("Set-Cookie").stream().filter(h -> h.startsWith("pf_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("; httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        String token = r.getCookie("pf_session");
        assertEquals(43, token.length(), "256 random bits, base64url");
        Number plain = (Number) em.createNativeQuery("SELECT count(*) FROM web_session WHERE encode(token_hash, 'escape') LIKE ?1")
                .setParameter(1, "%" + token + "%").getSingleResult();
        assertEquals(0, plain.intValue(), "the token itself is never stored");
        String hash = (String) em.createNativeQuery("SELECT password_hash FROM account WHERE handle = ?1").setParameter(1, handle).getSingleResult();
        assertTrue(hash.startsWith("$2b$"), "bcrypt hash: " + hash.substring(0, 4));
    }

    @Test
    void shouldRefuseBadHandlesPasswordsAndTakenHandlesWithClearMessages() {
        WebClient c = new WebClient();
        String taken = c.signUp("taken");
        WebClient d = new WebClient();
        d.get("/signup");
        d.post("/signup", "handle", "a b", "password", "correct horse battery", "repeat", "correct horse battery")
                .then().statusCode(400).body(containsString("The handle must be 3 to 32 characters"));
        d.post("/signup", "handle", "x".repeat(33), "password", "correct horse battery", "repeat", "correct horse battery")
                .then().statusCode(400).body(containsString("The handle must be 3 to 32 characters"));
        d.post("/signup", "handle", "bobby-ok", "password", "short", "repeat", "short")
                .then().statusCode(400).body(containsString("at least 10 characters"));
        d.post("/signup", "handle", "bobby-ok", "password", "correct horse battery", "repeat", "correct horse batterx")
                .then().statusCode(400).body(containsString("The two passwords differ."));
        d.post("/signup", "handle", taken.toUpperCase(), "password", "correct horse battery", "repeat", "correct horse battery")
                .then().statusCode(400).body(containsString("This handle is taken."));
    }

    @Test
    void shouldLogInLogOutAndRefuseAWrongPassword() {
        WebClient c = new WebClient();
        String handle = c.signUp("carol");
        WebClient d = new WebClient();
        d.logIn(handle, "wrong password!!").then().statusCode(401).body(containsString("Wrong handle or password."));
        d.logIn("nobody-here", "wrong password!!").then().statusCode(401).body(containsString("Wrong handle or password."));
        d.get("/dashboard").then().statusCode(302).header("Location", containsString("/login"));
        d.logIn(handle, "correct horse battery").then().statusCode(303).header("Location", endsWith("/dashboard"));
        d.get("/dashboard").then().statusCode(200);
        String firstSession = d.cookies.get("pf_session");
        d.logIn(handle, "correct horse battery").then().statusCode(303);
        // Signing in again replaces the browser's session rather than leaving the old one alive.
        new WebClient().request().cookie("pf_session", firstSession).get("/dashboard").then().statusCode(302);
        String oldSession = d.cookies.get("pf_session");
        d.get("/dashboard").then().statusCode(200);
        d.post("/logout").then().statusCode(303);
        d.get("/dashboard").then().statusCode(302);
        // The old token is dead on the server too, not only forgotten by the browser.
        new WebClient().request().cookie("pf_session", oldSession).get("/dashboard").then().statusCode(302);
    }

    @Test
    void shouldChangeThePasswordAndSignOutOtherSessions() {
        WebClient first = new WebClient();
        String handle = first.signUp("dave");
        WebClient second = new WebClient();
        second.logIn(handle, "correct horse battery").then().statusCode(303);
        first.get("/account");
        first.post("/account/password", "current", "not the password", "password", "new horse battery", "repeat", "new horse battery")
                .then().statusCode(400).body(containsString("The current password is wrong."));
        first.post("/account/password", "current", "correct horse battery", "password", "new horse battery", "repeat", "new horse battery")
                .then().statusCode(200).body(containsString("Password changed."));
        first.get("/dashboard").then().statusCode(200);
        second.get("/dashboard").then().statusCode(302);
        new WebClient().logIn(handle, "correct horse battery").then().statusCode(401);
        new WebClient().logIn(handle, "new horse battery").then().statusCode(303);
    }

    @Test
    void shouldShowMarkupTypedIntoATokenNameAsText() {
        WebClient c = new WebClient();
        c.signUp("markup");
        c.get("/account");
        c.post("/account/tokens", "name", "<img src=x onerror=alert(1)>").then().statusCode(200)
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<img src=x")));
        c.get("/account").then().body(containsString("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void shouldNotLetOneOperatorRevokeAnothersToken() {
        WebClient alice = new WebClient();
        alice.signUp("tok-alice");
        String token = alice.createApiToken();
        String page = alice.get("/account").asString();
        String id = page.replaceAll("(?s).*action=\"/account/tokens/(\\d+)/revoke\".*", "$1");
        WebClient bob = new WebClient();
        bob.signUp("tok-bob");
        bob.get("/account");
        bob.post("/account/tokens/" + id + "/revoke").then().statusCode(404);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200)
                .body("handle", org.hamcrest.Matchers.startsWith("tok-alice"));
        alice.get("/account");
        alice.post("/account/tokens/" + id + "/revoke").then().statusCode(303);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldSendAnExpiredSessionBackToTheLoginPage() {
        WebClient c = new WebClient();
        c.signUp("expiring");
        c.get("/dashboard").then().statusCode(200);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE web_session SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE token_hash = sha256(convert_to(?1, 'UTF8'))")
                .setParameter(1, c.cookies.get("pf_session")).executeUpdate());
        c.get("/dashboard").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void shouldShowPagesInRussian() {
        WebClient c = new WebClient();
        c.get("/signup?lang=ru").then().statusCode(200).body(containsString("Регистрация оператора"));
        c.signUp("rus");
        c.get("/dashboard").then().statusCode(200).body(containsString("ожидает одобрения")).body(containsString("Кабинет"));
    }

    @Test
    void shouldShowSignInInTheNavigationForVisitorsAndDashboardForOperators() {
        WebClient c = new WebClient();
        c.get("/").then().body(containsString("href=\"/login\"")).body(not(containsString("href=\"/dashboard\"")));
        c.signUp("nav");
        String page = c.get("/").asString();
        assertTrue(page.contains("href=\"/dashboard\""));
        assertNotEquals(-1, page.indexOf("Dashboard"));
    }
}
