package org.proxyfund.operator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing one account's password from many addresses is stopped per account (test profile: 8 free failures, then
 * 10 minutes, doubling up to 15); the owner still signs in from their own address or device; current-password
 * guesses on the account page are limited too.
 */
@QuarkusTest
class PasswordGuessingTest {

    @Inject
    EntityManager em;

    @Inject
    ClientKeys clientKeys;

    @Test
    void shouldStopGuessesFromElevenAddressesAtOneAccountAndStillLetTheOwnerIn() {
        WebClient owner = new WebClient();
        String handle = owner.signUp("victim");

        List<Integer> answers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 11; i++) {
                // Eleven networks, three guesses each: no address comes near its own limit (6 per window).
                WebClient attacker = new WebClient("2001:db8:" + Integer.toHexString(0x1000 + i) + ":"
                        + Integer.toHexString(owner.address.hashCode() & 0xffff) + "::" + (round + 1));
                answers.add(attacker.logIn(handle, "guess " + round + "-" + i).statusCode());
            }
        }
        long checked = answers.stream().filter(s -> s == 401).count();
        long refused = answers.stream().filter(s -> s == 429).count();
        assertEquals(9, checked, "8 free failures and the one that started the wait were checked: " + answers);
        assertEquals(24, refused, answers.toString());

        // Even the right password from a stranger's address waits: the throttle is per account, not per address.
        new WebClient().logIn(handle, "correct horse battery").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many failed sign-ins for this handle"));

        // The owner, from the address they signed up from (no cookies), and from their own browser on a new network.
        new WebClient(owner.address).logIn(handle, "correct horse battery").then().statusCode(303);
        WebClient ownBrowserElsewhere = new WebClient();
        ownBrowserElsewhere.cookies.put(SessionCookies.DEVICE_COOKIE, owner.cookies.get(SessionCookies.DEVICE_COOKIE));
        ownBrowserElsewhere.logIn(handle, "correct horse battery").then().statusCode(303);
        ownBrowserElsewhere.get("/dashboard").then().statusCode(200).body(containsString(handle));

        // The owner's sign-ins do not reopen the door for strangers.
        new WebClient().logIn(handle, "another guess").then().statusCode(429);
    }

    @Test
    void shouldLetOneGuessThroughOnceTheWaitIsOverAndThenWaitLonger() {
        String handle = new WebClient().signUp("patient");
        for (int i = 0; i < 9; i++) {
            new WebClient().logIn(handle, "guess " + i).then().statusCode(401);
        }
        Response shut = new WebClient().logIn(handle, "guess 9");
        assertEquals(429, shut.statusCode());
        long first = Long.parseLong(shut.header("Retry-After"));
        assertTrue(first > 540 && first <= 600, "10 minutes after the 9th failure: " + first);

        endWait("login:" + clientKeys.ofText("handle:" + handle.toLowerCase(Locale.ROOT)));
        new WebClient().logIn(handle, "guess after the wait").then().statusCode(401);
        Response again = new WebClient().logIn(handle, "one more");
        assertEquals(429, again.statusCode());
        long second = Long.parseLong(again.header("Retry-After"));
        assertTrue(second > 840 && second <= 900, "doubled, up to the 15-minute ceiling: " + second);
    }

    @Test
    void shouldLimitGuessesOfTheCurrentPasswordOnTheAccountPage() {
        WebClient thief = new WebClient();
        String handle = thief.signUp("stolen-session");
        thief.get("/account");
        for (int i = 0; i < 9; i++) {
            thief.post("/account/password", "current", "guess number " + i, "password", "taken over!!", "repeat", "taken over!!")
                    .then().statusCode(400).body(containsString("current password is wrong"));
        }
        thief.post("/account/password", "current", "correct horse battery", "password", "taken over!!", "repeat", "taken over!!")
                .then().statusCode(429).body(containsString("Too many wrong current passwords"));
        new WebClient().logIn(handle, "taken over!!").then().statusCode(401);
        new WebClient().logIn(handle, "correct horse battery").then().statusCode(303);
    }

    @Test
    void shouldShowTheAccountThrottleInRussian() {
        String handle = new WebClient().signUp("ru-throttle");
        for (int i = 0; i < 9; i++) {
            new WebClient().logIn(handle, "guess " + i).then().statusCode(401);
        }
        WebClient c = new WebClient();
        c.get("/login?lang=ru");
        c.post("/login", "handle", handle, "password", "guess").then().statusCode(429)
                .body(containsString("Слишком много неудачных попыток входа"));
    }

    private void endWait(String key) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery(
                "UPDATE login_throttle SET next_allowed_at = now() - interval '1 second' WHERE throttle_key = ?1")
                .setParameter(1, key).executeUpdate()));
    }
}
