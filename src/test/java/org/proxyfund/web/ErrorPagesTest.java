package org.proxyfund.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Errors on pages are the site's own page in the visitor's language; under /api they stay problem details. */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void shouldAnswerAnUnknownPathWithTheLocalizedNotFoundPage() {
        given().get("/no-such-page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found")).body(not(containsString("Resource not found")));
        given().get("/no-such-page?lang=ru").then().statusCode(404)
                .body(containsString("Страница не найдена")).body(containsString("<html lang=\"ru\">"));
        given().header("Accept-Language", "ru").get("/deep/no/such/page.html").then().statusCode(404)
                .body(containsString("Страница не найдена"));
    }

    @Test
    void shouldAnswerAnotherOperatorsEndpointWithTheNotFoundPage() {
        WebClient c = new WebClient();
        c.signUp("err-404");
        c.get("/endpoints/987654321?lang=ru").then().statusCode(404).body(containsString("Страница не найдена"));
    }

    @Test
    void shouldAnswerAWrongMethodWithTheLocalizedPageAndAllow() {
        given().put("/login?lang=ru").then().statusCode(405).body(containsString("Так здесь нельзя"));
    }

    @Test
    void shouldAcceptALongFieldAndAnswerATooLongOneWithTheLocalizedPage() {
        WebClient c = new WebClient();
        c.get("/login?lang=ru");
        // 3 KB of Cyrillic (6 KB of UTF-8): once a blank 413, now an ordinary wrong-login answer.
        c.post("/login", "handle", "nobody-here", "password", "пароль".repeat(500)).then().statusCode(401)
                .body(containsString("Неверный псевдоним или пароль"));
        c.post("/login", "handle", "nobody-here", "password", "x".repeat(70_000)).then().statusCode(401);
        // A whole body over 1 MB is refused before any resource runs: the same page.
        given().header("Accept-Language", "ru").contentType(ContentType.URLENC).formParam("handle", "y".repeat(1_200_000))
                .post("/login").then().statusCode(413).body(containsString("Слишком много текста"));
    }

    @Test
    void shouldKeepProblemDetailsUnderTheApi() {
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer pf_nope").contentType(ContentType.JSON).body("{}").put("/api/v1/me").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(405)))
                .contentType(containsString("application/problem+json"));
    }
}
