package org.proxyfund.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.common.testing.TestPorts;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.schedule.LeasedCheck;
import org.proxyfund.probe.schedule.ScheduleRepository;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator retires an endpoint (API and page): final, out of the limit and the check schedule, history kept. */
@QuarkusTest
class EndpointRetirementTest {

    @Inject
    DataSource dataSource;

    @Inject
    SecretCipher cipher;

    @Inject
    ObjectMapper json;

    @Inject
    org.proxyfund.endpoint.EndpointQueries endpointQueries;

    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> socks(int port) {
        return Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port, "region", "Russia");
    }

    @Test
    void shouldRetireThroughTheApiAndCountOnlyLiveEndpointsAgainstTheLimit() {
        WebClient c = new WebClient();
        c.signUp("retirer");
        String token = c.createApiToken();
        int port = TestPorts.block(40);
        int first = 0;
        for (int i = 0; i < 20; i++) {
            int id = as(token).body(socks(port + i)).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
            first = i == 0 ? id : first;
        }
        as(token).body(socks(port + 20)).post("/api/v1/endpoints").then().statusCode(409).body("code", equalTo("endpoint.limit"));

        as(token).delete("/api/v1/endpoints/" + first).then().statusCode(200)
                .body("state", equalTo("RETIRED")).body("retiredAt", notNullValue()).body("credential", nullValue());
        as(token).body(socks(port + 20)).post("/api/v1/endpoints").then().statusCode(201);
        // Its address is free again, for a new registration.
        as(token).body(socks(port + 21)).post("/api/v1/endpoints").then().statusCode(409).body("code", equalTo("endpoint.limit"));

        as(token).delete("/api/v1/endpoints/" + first).then().statusCode(200).body("state", equalTo("RETIRED"));
        as(token).body(Map.of("host", "127.0.0.1", "port", port + 30)).post("/api/v1/endpoints/" + first + "/rotate")
                .then().statusCode(409).body("code", equalTo("endpoint.retired"));
        as(token).get("/api/v1/endpoints/" + first).then().statusCode(200).body("state", equalTo("RETIRED")).body("credential", nullValue());
        as(token).get("/api/v1/endpoints?state=RETIRED").then().statusCode(200).body("id", equalTo(List.of(first)));
        as(token).get("/api/v1/endpoints?limit=200").then().statusCode(200).body("size()", equalTo(21));

        String admin = WebClient.admin().createApiToken();
        as(admin).body(Map.of("state", "APPROVED")).post("/api/v1/admin/endpoints/" + first + "/state").then().statusCode(409)
                .body("code", equalTo("state.not-allowed"));
        as(admin).body(Map.of("state", "RETIRED")).post("/api/v1/admin/endpoints/" + (first + 1) + "/state").then().statusCode(409);
        long retiredId = first;
        long audits = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_log WHERE subject_type = 'ENDPOINT' AND subject_id = ?1 AND action = 'RETIRED'")
                .setParameter(1, retiredId).getSingleResult()).longValue());
        assertEquals(1, audits, "retiring twice writes one audit line");

        WebClient stranger = new WebClient();
        stranger.signUp("not-yours");
        as(stranger.createApiToken()).delete("/api/v1/endpoints/" + (first + 1)).then().statusCode(404)
                .body("code", equalTo("endpoint.not-found"));
        given().delete("/api/v1/endpoints/" + (first + 1)).then().statusCode(401);
    }

    @Test
    void shouldGiveTheAddressOfARetiredEndpointToANewRegistration() {
        WebClient c = new WebClient();
        c.signUp("readdress");
        String token = c.createApiToken();
        int port = TestPorts.block(2);
        int id = as(token).body(socks(port)).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        as(token).body(socks(port)).post("/api/v1/endpoints").then().statusCode(409).body("code", equalTo("endpoint.duplicate"));
        as(token).delete("/api/v1/endpoints/" + id).then().statusCode(200);
        as(token).body(socks(port)).post("/api/v1/endpoints").then().statusCode(201).body("id", not(equalTo(id)));
    }

    @Test
    void shouldNeverScheduleARetiredEndpointForChecks() {
        WebClient c = new WebClient();
        c.signUp("unchecked");
        String token = c.createApiToken();
        String admin = WebClient.admin().createApiToken();
        int port = TestPorts.block(2);
        int kept = as(token).body(socks(port)).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        int retired = as(token).body(socks(port + 1)).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        for (int id : new int[] {kept, retired}) {
            as(admin).body(Map.of("state", "APPROVED")).post("/api/v1/admin/endpoints/" + id + "/state").then().statusCode(200);
        }
        ScheduleRepository schedule = new ScheduleRepository(dataSource, cipher, json, endpointQueries);
        schedule.insertMissing(Duration.ofMillis(1));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE check_schedule SET next_check_at = now() - interval '1 minute' WHERE endpoint_id IN (?1, ?2)")
                .setParameter(1, kept).setParameter(2, retired).executeUpdate());
        as(token).delete("/api/v1/endpoints/" + retired).then().statusCode(200);

        List<Long> leased = leaseAll(schedule, "retirement-test");
        assertTrue(leased.contains((long) kept), "the live approved endpoint is due and leased");
        assertFalse(leased.contains((long) retired), "the retired endpoint is never leased for a check");
    }

    @Test
    void shouldRetireOnTheEndpointPageOnlyWithConfirmationAndShowItAsRetired() {
        WebClient c = new WebClient();
        c.signUp("page-retire");
        String token = c.createApiToken();
        int port = TestPorts.block(2);
        int id = as(token).body(socks(port)).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        c.get("/endpoints/" + id).then().statusCode(200).body(containsString("action=\"/endpoints/" + id + "/retire\""));
        c.post("/endpoints/" + id + "/retire").then().statusCode(400).body(containsString("Tick the box to confirm"));
        as(token).get("/api/v1/endpoints/" + id).then().body("state", equalTo("PENDING"));
        c.get("/endpoints/" + id);
        c.post("/endpoints/" + id + "/retire", "confirm", "yes").then().statusCode(303);
        c.get("/endpoints/" + id).then().statusCode(200).body(containsString("id=\"retired\""))
                .body(not(containsString("id=\"credential\""))).body(not(containsString("/rotate\"")))
                .body(not(containsString("/retire\"")));
        c.get("/dashboard").then().body(containsString("id=\"retired-endpoints\""));
        c.get("/endpoints/" + id + "?lang=ru").then().body(containsString("Выведена из работы"));
        WebClient other = new WebClient();
        other.signUp("page-other");
        other.get("/dashboard");
        other.post("/endpoints/" + id + "/retire", "confirm", "yes").then().statusCode(404);
    }

    /** Every endpoint due now, leased and then released again, so other tests' schedules are left as they were. */
    private static List<Long> leaseAll(ScheduleRepository schedule, String monitor) {
        List<LeasedCheck> all = new java.util.ArrayList<>();
        for (int round = 0; round < 100; round++) {
            List<LeasedCheck> batch = schedule.lease(monitor, 500, Duration.ofMinutes(5));
            if (batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
        }
        schedule.release(monitor, all);
        return all.stream().map(LeasedCheck::endpointId).toList();
    }
}
