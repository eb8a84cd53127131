package org.proxyfund.endpoint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.LogRecorder;
import org.proxyfund.common.testing.Race;
import org.proxyfund.common.testing.TestPorts;
import org.proxyfund.operator.WebClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests racing for one host:port: however they interleave, exactly one wins and every other gets the usual 409
 * duplicate problem with its field error; never a 5xx, and the log stays clean (no SQL, no stack trace).
 */
@QuarkusTest
class EndpointRaceTest {

    private static final int ROUNDS = 50;
    /** Ports no other test of this JVM gets ({@link TestPorts}), so a duplicate here is always our own. */
    private static final int BASE = TestPorts.block(300);

    private static Response post(String token, String path, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body).post(path);
    }

    private static Map<String, Object> socks(int port) {
        return Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port, "region", "Russia");
    }

    private static void assertOneWinner(List<Response> answers, int success, String round) {
        int won = 0;
        for (Response r : answers) {
            if (r.statusCode() == success) {
                won++;
                continue;
            }
            assertEquals(409, r.statusCode(), round + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), round);
            JsonPath j = r.jsonPath();
            assertEquals("endpoint.duplicate", j.getString("code"), round);
            assertEquals("host", j.getString("errors[0].field"), round);
            assertEquals("endpoint.duplicate", j.getString("errors[0].code"), round);
        }
        assertEquals(1, won, round + ": exactly one request wins");
    }

    @Test
    void shouldLetExactlyOneOfEightConcurrentRotationsToOneAddressWin() throws Exception {
        WebClient c = new WebClient();
        c.signUp("race-rot");
        String token = c.createApiToken();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(post(token, "/api/v1/endpoints", socks(BASE + i)).then().statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (LogRecorder log = new LogRecorder()) {
            for (int round = 0; round < ROUNDS; round++) {
                int target = BASE + 100 + round;
                List<Response> answers = Race.run(pool, 8, k -> post(token, "/api/v1/endpoints/" + ids.get(k) + "/rotate",
                        Map.of("host", "127.0.0.1", "port", target)));
                assertOneWinner(answers, 200, "rotation round " + round);
            }
            assertEquals(List.of(), log.suspicious("duplicate key", "SQLState", "endpoint_host_port_uq", "Exception"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLetExactlyOneOfTwoOperatorsRegisteringOneAddressAtOnceWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        String[] tokens = new String[2];
        try (LogRecorder log = new LogRecorder()) {
            for (int round = 0; round < ROUNDS; round++) {
                if (round % 10 == 0) {
                    // Fresh operators every ten rounds: neither can reach the per-operator limit.
                    for (int k = 0; k < 2; k++) {
                        WebClient c = new WebClient();
                        c.signUp("race-reg-" + k);
                        tokens[k] = c.createApiToken();
                    }
                }
                int port = BASE + 200 + round;
                List<Response> answers = Race.run(pool, 2, k -> post(tokens[k], "/api/v1/endpoints", socks(port)));
                assertOneWinner(answers, 201, "registration round " + round);
            }
            assertEquals(List.of(), log.suspicious("duplicate key", "SQLState", "endpoint_host_port_uq", "Exception"));
        } finally {
            pool.shutdownNow();
        }
    }
}
