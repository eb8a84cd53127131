package org.proxyfund.operator;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * A browser stand-in for page tests: keeps cookies, sends its own client address
 * (X-Forwarded-For, honoured in the test profile) and echoes the CSRF token of the last form.
 */
public class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    public final String address;
    public final Map<String, String> cookies = new HashMap<>();
    private String csrf;
    private java.net.URI target;

    /** A client with an address of its own (random, in the documentation range), so tests never share rate-limit counters. */
    public WebClient() {
        this("2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff))
                + ":" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + "::1");
    }

    public WebClient(String address) {
        this.address = address;
    }

    /** Points this client at another running service (a separate process in integration tests); returns it. */
    public WebClient at(String baseUri) {
        this.target = java.net.URI.create(baseUri);
        return this;
    }

    public RequestSpecification request() {
        RequestSpecification r = given().redirects().follow(false).header("X-Forwarded-For", address).cookies(cookies);
        return target == null ? r : r.baseUri(target.getScheme() + "://" + target.getHost()).port(target.getPort());
    }

    private Response keep(Response r) {
        cookies.putAll(r.getCookies());
        r.getCookies().forEach((k, v) -> {
            if (v.isEmpty()) {
                cookies.remove(k);
            }
        });
        Matcher m = CSRF.matcher(r.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    public Response get(String path) {
        return keep(request().get(path));
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    public Response post(String path, Object... fields) {
        RequestSpecification r = request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            r = r.formParam((String) fields[i], fields[i + 1]);
        }
        return keep(r.post(path));
    }

    /** Posts a form without any CSRF token. */
    public Response postWithoutToken(String path, Object... fields) {
        RequestSpecification r = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i < fields.length; i += 2) {
            r = r.formParam((String) fields[i], fields[i + 1]);
        }
        return keep(r.post(path));
    }

    public String csrf() {
        return csrf;
    }

    /** Signs up a fresh operator (handle made unique) and returns its handle; the client is then signed in. */
    public String signUp(String prefix) {
        String handle = prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        get("/signup");
        Response r = post("/signup", "handle", handle, "password", "correct horse battery", "repeat", "correct horse battery", "email", "");
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-up of " + handle + " failed: " + r.statusCode() + " " + r.asString());
        }
        return handle;
    }

    /** Signs in; the response is returned so tests can check where it leads. */
    public Response logIn(String handle, String password) {
        get("/login");
        return post("/login", "handle", handle, "password", password);
    }

    /** Creates a personal API token on the account page and returns it. */
    public String createApiToken() {
        get("/account");
        Response r = post("/account/tokens", "name", "test token");
        Matcher m = Pattern.compile("id=\"new-token\">([^<]+)<").matcher(r.asString());
        if (r.statusCode() != 200 || !m.find()) {
            throw new AssertionError("token creation failed: " + r.statusCode());
        }
        return m.group(1);
    }

    /** A client signed in as the bootstrapped admin of the test profile. */
    public static WebClient admin() {
        WebClient c = new WebClient();
        Response r = c.logIn("root-admin", "admin-password-for-tests");
        if (r.statusCode() != 303) {
            throw new AssertionError("admin login failed: " + r.statusCode());
        }
        return c;
    }
}
