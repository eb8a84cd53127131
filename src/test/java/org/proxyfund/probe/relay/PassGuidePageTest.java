package org.proxyfund.probe.relay;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.SquidServer;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.httpconnect.HttpConnectChecker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint page tells the operator how to pass: the addresses the proxy must allow (the running canary's) and a
 * configuration per server kind. squid with Debian's own default configuration refuses CONNECT to the canary's port;
 * the same squid with the snippets copied from the page (only their /etc/squid folder moved to the test's) is UP,
 * and relays nothing without the issued credential.
 */
@QuarkusTest
class PassGuidePageTest {

    private static final Pattern SNIPPET = Pattern.compile("<pre data-snippet=\"([^\"]+)\" data-file=\"([^\"]+)\"><code>(.*?)</code></pre>", Pattern.DOTALL);
    private static final Pattern CREDENTIAL = Pattern.compile("<dt data-key=\"([^\"]+)\">[^<]*</dt><dd><code>([^<]*)</code></dd>");

    @Inject
    Canary canary;
    @Inject
    HttpConnectChecker checker;

    @Test
    void shouldPassWithDebiansDefaultSquidPlusTheSnippetShownOnTheEndpointPage() throws Exception {
        CheckResult up = squidFromThePage(canary, checker, List.of(canary.publicHost() + ":" + canary.publicPort()));
        assertTrue(up.detail().contains("canary"), up.detail());
    }

    /**
     * Registers an HTTP CONNECT endpoint, takes the snippets from its page (and the same from the API), and checks a
     * squid with Debian's default configuration (DOWN) and with the snippets (UP, refusing another password).
     * Returns the last UP result.
     */
    static CheckResult squidFromThePage(Canary canary, HttpConnectChecker checker, List<String> mustAllow) throws Exception {
        SquidServer squid = new SquidServer("debian-default");
        WebClient operator = new WebClient();
        operator.signUp("ep-pass-guide");
        operator.get("/dashboard");
        Response registered = operator.post("/endpoints", "type", "HTTP_CONNECT", "label", "", "host", "127.0.0.1",
                "port", String.valueOf(squid.port), "region", "Iran");
        assertEquals(303, registered.statusCode(), registered.asString());
        String page = operator.get(registered.getHeader("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .extract().asString();

        assertTrue(page.contains("What your proxy must allow"), "the section is shown");
        for (String address : mustAllow) assertTrue(page.contains("<code>" + address + "</code>"), address + " is listed");
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher m = SNIPPET.matcher(page);
        while (m.find()) snippets.put(m.group(1) + " " + unescape(m.group(2)), unescape(m.group(3)));
        assertTrue(snippets.containsKey("tinyproxy /etc/tinyproxy/tinyproxy.conf"), snippets.keySet().toString());
        String passwd = snippets.get("squid shell");
        String conf = snippets.get("squid /etc/squid/conf.d/proxyfund.conf");
        assertTrue(passwd != null && conf != null, snippets.keySet().toString());
        Map<String, String> credential = new LinkedHashMap<>();
        Matcher c = CREDENTIAL.matcher(page);
        while (c.find()) credential.put(c.group(1), unescape(c.group(2)));
        String id = registered.getHeader("Location").replaceFirst(".*/", "");
        io.restassured.path.json.JsonPath api = io.restassured.RestAssured.given().header("Authorization", "Bearer " + operator.createApiToken())
                .get("/api/v1/endpoints/" + id + "/pass-guide").then().statusCode(200).extract().jsonPath();
        assertEquals(mustAllow, api.getList("mustAllow"), "the API lists the same addresses");
        assertEquals(conf, api.getString("snippets.find { it.file == '/etc/squid/conf.d/proxyfund.conf' }.text"), "the API gives the same text");
        CheckTarget target = new CheckTarget("127.0.0.1", squid.port, new MonitorCredential(EndpointType.HTTP_CONNECT,
                Map.of(MonitorCredential.USERNAME, credential.get("username"), MonitorCredential.PASSWORD, credential.get("password"))));

        Path confD = squid.dir.resolve("conf.d");
        Files.createDirectories(confD);
        Files.writeString(confD.resolve("debian.conf"), Files.readString(Path.of("/etc/squid/conf.d/debian.conf")));
        try (RealServer server = squid.server(debianDefault(squid)).start()) {
            CheckResult result = checker.check(target);
            assertEquals(DownReason.RELAY_FAILED, result.reason(), "Debian's default refuses CONNECT to the canary's port: " + result.detail());
        }

        String dir = squid.dir.toString() + "/";
        Process p = new ProcessBuilder("sh", "-c", passwd.replace("/etc/squid/", dir)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        Files.setPosixFilePermissions(squid.dir.resolve("proxyfund.passwd"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(confD.resolve("proxyfund.conf"), conf.replace("/etc/squid/", dir) + "\n");
        CheckResult up = null;
        try (RealServer server = squid.server(debianDefault(squid)).start()) {
            for (int i = 0; i < 4; i++) {
                up = checker.check(target);
                assertEquals(CheckStatus.UP, up.status(), "check " + i + ": " + up.detail());
            }
            CheckResult wrong = checker.check(new CheckTarget("127.0.0.1", squid.port, new MonitorCredential(EndpointType.HTTP_CONNECT,
                    Map.of(MonitorCredential.USERNAME, credential.get("username"), MonitorCredential.PASSWORD, "not-the-issued-one"))));
            assertNotEquals(CheckStatus.UP, wrong.status(), "squid configured from the page relays nothing for another password");
            assertFalse(wrong.reason() == DownReason.OPEN_PROXY, wrong.detail());
        }
        return up;
    }

    /** /etc/squid/squid.conf as Debian installs it, with its conf.d, port, pid and logs moved to the test's folder. */
    private static Path debianDefault(SquidServer squid) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/etc/squid/squid.conf"))) {
            String t = line.strip();
            if (t.startsWith("http_port ") || t.startsWith("coredump_dir ")) continue;
            lines.add(t.equals("include /etc/squid/conf.d/*.conf") ? "include " + squid.dir.resolve("conf.d") + "/*.conf" : line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.strip().equals("http_access deny CONNECT !SSL_ports")),
                "Debian's default refuses CONNECT except to 443");
        lines.addAll(squid.runLines());
        Path conf = squid.dir.resolve("squid.conf");
        Files.write(conf, lines);
        return conf;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&amp;", "&");
    }
}
