package org.proxyfund.operator;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/** Forms without the right CSRF token are refused; sign-up and login attempts are counted per client. */
@QuarkusTest
class CsrfAndRateLimitTest {

    @Test
    void shouldRefuseASignUpWithoutOrWithAForeignCsrfToken() {
        WebClient c = new WebClient();
        c.get("/signup");
        c.postWithoutToken("/signup", "handle", "no-token-1", "password", "correct horse battery", "repeat", "correct horse battery")
                .then().statusCode(403).body(containsString("Form expired"));
        // A token from another visitor's cookie does not fit this visitor's cookie.
        WebClient other = new WebClient();
        other.get("/signup");
        c.request().contentType("application/x-www-form-urlencoded").formParam("csrf", other.csrf())
                .formParam("handle", "no-token-2").formParam("password", "correct horse battery").formParam("repeat", "correct horse battery")
                .post("/signup").then().statusCode(403);
        new WebClient().logIn("no-token-1", "correct horse battery").then().statusCode(401);
    }

    @Test
    void shouldRefuseAFormSignedWithThePreSessionTokenOnceSignedIn() {
        WebClient c = new WebClient();
        c.get("/signup");
        String anonymousToken = c.csrf();
        c.signUp("csrf");
        c.request().contentType("application/x-www-form-urlencoded").formParam("csrf", anonymousToken)
                .formParam("name", "sneaky").post("/account/tokens").then().statusCode(403);
        c.postWithoutToken("/logout").then().statusCode(403);
        c.get("/dashboard").then().statusCode(200);
        c.get("/account");
        c.post("/account/tokens", "name", "honest").then().statusCode(200).body(containsString("honest"));
    }

    @Test
    void shouldLimitSignUpsPerClientAddressWithA429Page() {
        WebClient c = new WebClient();
        // The test profile allows 5 sign-up attempts per client address and window.
        for (int i = 0; i < 5; i++) {
            new WebClient(c.address).signUp("many");
        }
        WebClient fourth = new WebClient(c.address);
        fourth.get("/signup");
        fourth.post("/signup", "handle", "many-too", "password", "correct horse battery", "repeat", "correct horse battery")
                .then().statusCode(429).body(containsString("Too many attempts from your network"));
        new WebClient().signUp("elsewhere");
    }

    @Test
    void shouldCountIpv6ClientsByTheirSlash64() {
        WebClient c = new WebClient();
        String prefix = c.address.substring(0, c.address.length() - 1);
        for (int i = 0; i < 5; i++) {
            new WebClient(prefix + (i + 1)).signUp("six");
        }
        WebClient sameNetwork = new WebClient(prefix + "abcd");
        sameNetwork.get("/signup");
        sameNetwork.post("/signup", "handle", "six-too-many", "password", "correct horse battery", "repeat", "correct horse battery")
                .then().statusCode(429);
    }

    @Test
    void shouldLimitLoginAttemptsPerClientAddress() {
        String handle = new WebClient().signUp("target");
        WebClient attacker = new WebClient();
        for (int i = 0; i < 6; i++) {
            attacker.logIn(handle, "guess number " + i).then().statusCode(401);
        }
        attacker.logIn(handle, "correct horse battery").then().statusCode(429)
                .body(containsString("Too many attempts"));
        new WebClient().logIn(handle, "correct horse battery").then().statusCode(303);
    }
}
