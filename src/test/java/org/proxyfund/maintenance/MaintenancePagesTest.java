package org.proxyfund.maintenance;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The maintenance page of an endpoint: declare with the form (as a browser sends it), cancel, errors in both languages. */
@QuarkusTest
class MaintenancePagesTest {

    /** What a datetime-local field sends: local date and time without a zone, read as UTC. */
    private static String local(int hoursFromNow) {
        return LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(hoursFromNow)), ZoneOffset.UTC)
                .toString();
    }

    @Test
    void shouldDeclareAndCancelAWindowFromThePageAndRefuseOneInThePastInTheOperatorsLanguage() {
        WebClient web = new WebClient();
        String handle = web.signUp("pfs-maint-page");
        String token = web.createApiToken();
        long id = MaintenanceApiTest.endpoint(new MaintenanceApiTest.Op(token, 0));
        web.get("/endpoints/" + id).then().statusCode(200).body(containsString("/endpoints/" + id + "/maintenance"));
        web.get("/endpoints/" + id + "/maintenance").then().statusCode(200).body(containsString("id=\"no-windows\""));

        web.postWithoutToken("/endpoints/" + id + "/maintenance", "startsAt", local(3), "hours", "2").then().statusCode(403);
        web.get("/endpoints/" + id + "/maintenance");
        web.post("/endpoints/" + id + "/maintenance", "startsAt", local(3), "hours", "2").then().statusCode(303);
        String page = web.get("/endpoints/" + id + "/maintenance").then().statusCode(200)
                .body(containsString("window-PLANNED")).body(containsString("planned")).extract().asString();
        Matcher m = Pattern.compile("data-id=\"(\\d+)\"").matcher(page);
        assertTrue(m.find(), page);

        web.post("/endpoints/" + id + "/maintenance", "startsAt", local(-1), "hours", "2").then().statusCode(400)
                .body(containsString("A window must be declared before it starts."));
        web.get("/endpoints/" + id + "/maintenance?lang=ru");
        web.post("/endpoints/" + id + "/maintenance", "startsAt", local(-1), "hours", "2").then().statusCode(400)
                .body(containsString("Окно нужно объявить до его начала."));
        web.get("/endpoints/" + id + "/maintenance").then().body(containsString("Окна обслуживания")).body(containsString("запланировано"));

        web.post("/endpoints/" + id + "/maintenance/" + m.group(1) + "/cancel").then().statusCode(303);
        web.get("/endpoints/" + id + "/maintenance?lang=en").then().body(containsString("window-CANCELLED"))
                .body(not(containsString("class=\"cancel-window\"")));

        WebClient other = new WebClient();
        other.signUp("pfs-maint-page-other");
        other.get("/endpoints/" + id + "/maintenance").then().statusCode(404);
        other.get("/dashboard");
        other.post("/endpoints/" + id + "/maintenance", "startsAt", local(3), "hours", "2").then().statusCode(404);
        given().header("Authorization", "Bearer " + token).get("/api/v1/endpoints/" + id + "/maintenance").then().statusCode(200);
    }
}
