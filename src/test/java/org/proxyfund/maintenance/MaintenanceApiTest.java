package org.proxyfund.maintenance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.db.Sql;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Declaring and cancelling windows through the API, as the owner and as a cheater: never after the fact, never another's. */
@QuarkusTest
class MaintenanceApiTest {


    @Inject
    DataSource ds;

    record Op(String token, long accountId) {
        RequestSpecification api() {
            return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
        }
    }

    static Op operator(String prefix) {
        WebClient web = new WebClient();
        String handle = web.signUp(prefix);
        String token = web.createApiToken();
        return new Op(token, QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id));
    }

    static long endpoint(Op op) {
        Number id = op.api().body(Map.of("type", "SOCKS5", "label", "maint", "host", "127.0.0.1", "port", org.proxyfund.common.testing.TestPorts.block(1),
                "region", "Iran", "protocolFields", Map.of())).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private static String hoursFromNow(int h) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(h)).toString();
    }

    @Test
    void shouldDeclareAWindowAheadOfTimeListItAndCancelItBeforeItStarts() {
        Op op = operator("pfs-maint");
        long id = endpoint(op);
        int window = op.api().body(Map.of("startsAt", hoursFromNow(2), "hours", 3)).post("/api/v1/endpoints/" + id + "/maintenance")
                .then().statusCode(201).body("state", equalTo("PLANNED")).body("startsAt", equalTo(hoursFromNow(2)))
                .body("endsAt", equalTo(hoursFromNow(5))).extract().path("id");
        op.api().get("/api/v1/endpoints/" + id + "/maintenance").then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(window));
        op.api().delete("/api/v1/endpoints/" + id + "/maintenance/" + window).then().statusCode(200).body("state", equalTo("CANCELLED"));
        op.api().delete("/api/v1/endpoints/" + id + "/maintenance/" + window).then().statusCode(404)
                .body("code", equalTo("maintenance.not-cancellable"));
    }

    @Test
    void shouldRefuseWindowsInThePastOffTheHourTooLongOrTooMany() {
        Op op = operator("pfs-maint-bad");
        long id = endpoint(op);
        String path = "/api/v1/endpoints/" + id + "/maintenance";
        op.api().body(Map.of("startsAt", hoursFromNow(0), "hours", 2)).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("maintenance.start.past"));
        op.api().body(Map.of("startsAt", hoursFromNow(-5), "hours", 8)).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("maintenance.start.past"));
        op.api().body(Map.of("startsAt", Instant.parse(hoursFromNow(3)).plusSeconds(60).toString(), "hours", 2)).post(path)
                .then().statusCode(400).body("errors[0].code", equalTo("maintenance.start.not_whole_hour"));
        op.api().body(Map.of("startsAt", "tomorrow", "hours", 2)).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("maintenance.start.invalid"));
        op.api().body(Map.of("startsAt", hoursFromNow(3), "hours", 0)).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("maintenance.hours.range"));
        op.api().body(Map.of("startsAt", hoursFromNow(3), "hours", 25)).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("maintenance.hours.range"));
        op.api().body(Map.of("startsAt", hoursFromNow(24 * 31), "hours", 1)).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("maintenance.start.too_far"));
        for (int i = 0; i < 10; i++) {
            op.api().body(Map.of("startsAt", hoursFromNow(2 + i), "hours", 1)).post(path).then().statusCode(201);
        }
        op.api().body(Map.of("startsAt", hoursFromNow(20), "hours", 1)).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("maintenance.too_many"));
        op.api().get(path).then().body("$", hasSize(10));
    }

    @Test
    void shouldKeepOtherOperatorsOutAndNeverCancelAWindowThatStarted() {
        Op owner = operator("pfs-maint-owner");
        long id = endpoint(owner);
        Op other = operator("pfs-maint-other");
        String path = "/api/v1/endpoints/" + id + "/maintenance";
        other.api().body(Map.of("startsAt", hoursFromNow(2), "hours", 1)).post(path).then().statusCode(404)
                .body("code", equalTo("endpoint.not-found"));
        other.api().get(path).then().statusCode(404);
        int planned = owner.api().body(Map.of("startsAt", hoursFromNow(2), "hours", 1)).post(path).then().statusCode(201)
                .extract().path("id");
        other.api().delete(path + "/" + planned).then().statusCode(404).body("code", equalTo("endpoint.not-found"));

        // A window declared yesterday that started this hour: under way, so it can no longer be withdrawn.
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        long started = new Sql(ds).query("INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at, declared_at)"
                        + " VALUES (?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1), id, hour.atOffset(ZoneOffset.UTC),
                hour.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC), hour.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)).get(0);
        owner.api().get(path).then().body("find { it.id == " + started + " }.state", equalTo("ACTIVE"));
        owner.api().delete(path + "/" + started).then().statusCode(404).body("code", equalTo("maintenance.not-cancellable"));
        // Nor can anyone stamp a window as cancelled after it started, or declare one for hours already past.
        assertThrows(RuntimeException.class, () -> new Sql(ds).update("UPDATE maintenance_window SET cancelled_at = now() WHERE id = ?", started));
        assertThrows(RuntimeException.class, () -> new Sql(ds).update("INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at)"
                + " VALUES (?, ?, ?)", id, hour.atOffset(ZoneOffset.UTC), hour.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)));
    }
}
