package org.proxyfund.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.Management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class HomePageTest {

    @Test
    void shouldRenderTheHomePageInEnglishByDefault() {
        given().when().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Bitcoin for the people who keep messengers reachable"))
                .body(containsString("href=\"/?lang=ru\""));
    }

    @Test
    void shouldSwitchToRussianAndRememberTheChoice() {
        given().when().get("/?lang=ru").then().statusCode(200)
                .body(containsString("<html lang=\"ru\">"))
                .body(containsString("Биткоины для тех, кто сохраняет доступ к мессенджерам"))
                .cookie("lang", "ru");
        given().cookie("lang", "ru").when().get("/").then().statusCode(200)
                .body(containsString("Главная"));
    }

    @Test
    void shouldClaimOnlyTheChecksTheEngineMakes() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("to our test server and to Telegram with the credential we issued"))
                .body(containsString("shown as stale, never as up"))
                .body(containsString("networks have checked it, it is paid on how well it could be reached from inside"))
                .body(containsString("Where no agents run, our servers"))
                .body(not(containsString("vantage point")));
        given().cookie("lang", "ru").when().get("/").then().statusCode(200)
                .body(containsString("до нашего тестового сервера и до Telegram"))
                .body(containsString("проверили агенты хотя бы в двух сетях этой страны"))
                .body(not(containsString("точек наблюдения")));
    }

    @Test
    void shouldFollowTheBrowserLanguage() {
        given().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").when().get("/").then()
                .body(containsString("<html lang=\"ru\">"));
        given().header("Accept-Language", "de-DE").when().get("/").then()
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void shouldIgnoreAnUnsupportedLanguageParameter() {
        given().when().get("/?lang=<script>").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(not(containsString("<script>")));
    }

    @Test
    void shouldServeItsOwnStylesheetWithoutExternalResources() {
        given().when().get("/css/site.css").then().statusCode(200);
        given().when().get("/").then().body(not(containsString("https://")));
    }

    @Test
    void shouldReportReadyIncludingTheDatabase() {
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetricsAndOpenApi() {
        Management.given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("proxyfund API"));
        given().when().get("/openapi").then().statusCode(200).body(containsString("proxyfund API"));
        given().when().get("/api-docs/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void shouldNotAnswerHealthOrMetricsOnTheSitesPort() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started"}) {
            given().when().get(path).then().statusCode(404).body(not(containsString("jvm_")));
        }
    }
}
