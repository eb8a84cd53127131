package org.proxyfund.operator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.LogRecorder;
import org.proxyfund.common.testing.Race;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two visitors signing up one handle at the same moment: one account, one "handle taken" form, never an error page. */
@QuarkusTest
class SignUpRaceTest {

    @Test
    void shouldGiveTheLoserOfASignUpRaceTheHandleTakenMessage() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LogRecorder log = new LogRecorder()) {
            for (int round = 0; round < 20; round++) {
                String handle = "race-" + round + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
                WebClient[] clients = {new WebClient(), new WebClient()};
                for (WebClient c : clients) {
                    c.get("/signup");
                }
                List<Response> answers = Race.run(pool, 2, k -> clients[k].post("/signup", "handle", handle,
                        "password", "correct horse battery", "repeat", "correct horse battery", "email", ""));
                long won = answers.stream().filter(r -> r.statusCode() == 303).count();
                assertEquals(1, won, "round " + round + ": one account");
                Response lost = answers.stream().filter(r -> r.statusCode() != 303).findFirst().orElseThrow();
                assertEquals(400, lost.statusCode(), "round " + round);
                assertTrue(lost.asString().contains("taken"), "round " + round + ": the form says the handle is taken");
            }
            assertEquals(List.of(), log.suspicious("duplicate key", "SQLState", "account_handle_lower_uq", "Exception"));
        } finally {
            pool.shutdownNow();
        }
    }
}
