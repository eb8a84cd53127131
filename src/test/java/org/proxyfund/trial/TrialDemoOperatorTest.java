package org.proxyfund.trial;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.OperatorState;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.socks5.Socks5Checker;
import org.proxyfund.wallet.node.LocalNodeProcess;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trial mode's real local proxies: the console's demo operator and an operator's own loopback SOCKS5 endpoint are
 * served by a real microsocks with the issued credential, which the service's own SOCKS5 checker passes through its
 * canary (and a wrong credential does not); without the program the console and the endpoint page say what to install.
 */
@QuarkusTest
@TestProfile(TrialTestProfile.class)
class TrialDemoOperatorTest {

    private static final Pattern DONE = Pattern.compile(
            "Registered demo-operator \\(password ([A-Za-z0-9_-]+), .*? its endpoint 127\\.0\\.0\\.1:(\\d+) served by a local microsocks");

    @Inject
    Socks5Checker socks5;
    @Inject
    EndpointService endpoints;
    @Inject
    TrialProxies proxies;

    @Test
    void shouldRegisterADemoOperatorWhoseRealLocalProxyPassesTheHealthCheckAndStopsWithTheService() {
        WebClient admin = WebClient.admin();
        assertTrue(admin.get("/admin/trial?lang=en").asString().contains("id=\"demo-button\""));
        Response created = admin.post("/admin/trial/demo-operator");
        assertEquals(200, created.statusCode(), created.asString());
        Matcher done = DONE.matcher(created.asString());
        assertTrue(done.find(), created.asString());
        int port = Integer.parseInt(done.group(2));
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.byHandle("demo-operator").orElseThrow());
        assertEquals(OperatorState.APPROVED, account.state);
        Endpoint endpoint = QuarkusTransaction.requiringNew().call(() -> Endpoint.ofAccount(account.id).getFirst());
        assertEquals(EndpointState.APPROVED, endpoint.state);
        assertEquals(port, endpoint.port);

        MonitorCredential issued = endpoints.monitorCredential(account.id, endpoint.id).orElseThrow();
        CheckResult check = socks5.check(new CheckTarget("127.0.0.1", port, issued));
        assertEquals(CheckStatus.UP, check.status(), "relayed to the canary through the real proxy: " + check.detail());
        CheckResult stranger = socks5.check(new CheckTarget("127.0.0.1", port, new MonitorCredential(EndpointType.SOCKS5,
                Map.of(MonitorCredential.USERNAME, "pf-someoneelse", MonitorCredential.PASSWORD, "not-the-issued-one"))));
        assertEquals(CheckStatus.DOWN, stranger.status(), "the proxy asks for the issued credential");

        WebClient demo = new WebClient();
        assertEquals(303, demo.logIn("demo-operator", done.group(1)).statusCode(), "the password shown once signs in");
        assertTrue(demo.get("/dashboard?lang=en").asString().contains("ownership proven"), "its payout address is proven");
        assertTrue(demo.get("/endpoints/" + endpoint.id + "?lang=en").asString().contains("id=\"trial-proxy-running\""));

        assertEquals(400, admin.post("/admin/trial/demo-operator").statusCode(), "one demo operator");
        assertTrue(admin.get("/admin/trial?lang=en").asString().contains("id=\"demo-exists\""));

        proxies.onStop(null);
        assertFalse(proxies.running(endpoint.id), "stopped with the service");
        assertEquals(CheckStatus.DOWN, socks5.check(new CheckTarget("127.0.0.1", port, issued)).status(), "no proxy, no pass");
    }

    @Test
    void shouldRunARealProxyForAnOperatorsOwnLoopbackEndpointAndSayWhatToInstallWithoutOne() throws Exception {
        WebClient operator = new WebClient();
        operator.signUp("trialproxy");
        operator.get("/dashboard");
        int port = LocalNodeProcess.freePort();
        Response registered = operator.post("/endpoints", "type", "SOCKS5", "label", "", "host", "127.0.0.1",
                "port", String.valueOf(port), "region", "Iran");
        assertEquals(303, registered.statusCode(), registered.asString());
        String path = registered.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertTrue(operator.get(path + "?lang=en").asString().contains("id=\"trial-proxy-button\""));
        assertTrue(operator.get(path + "?lang=ru").asString().contains("Запустить прокси здесь"));

        WebClient stranger = new WebClient();
        stranger.signUp("trialstranger");
        stranger.get("/dashboard");
        assertEquals(404, stranger.post("/trial/endpoints/" + id + "/proxy").statusCode(), "not the stranger's endpoint");
        assertFalse(proxies.running(id));

        assertEquals(303, operator.post("/trial/endpoints/" + id + "/proxy").statusCode());
        assertTrue(operator.get(path + "?lang=en").asString().contains("id=\"trial-proxy-running\""));
        long accountId = QuarkusTransaction.requiringNew().call(() -> Endpoint.<Endpoint>findById(id).accountId);
        CheckResult check = socks5.check(new CheckTarget("127.0.0.1", port, endpoints.monitorCredential(accountId, id).orElseThrow()));
        assertEquals(CheckStatus.UP, check.status(), check.detail());

        proxies.programName("no-such-proxy-program");
        try {
            assertTrue(operator.get(path + "?lang=en").asString().contains("id=\"trial-proxy-missing\""));
            String console = WebClient.admin().get("/admin/trial?lang=en").asString();
            assertTrue(console.contains("id=\"no-proxy\"") && console.contains("sudo apt-get install microsocks"), console);
            assertFalse(console.contains("id=\"demo-button\""));
            assertTrue(WebClient.admin().get("/admin/trial?lang=ru").asString().contains("Установите его"), "in Russian too");
        } finally {
            proxies.programName(null);
            proxies.onStop(null);
        }
    }
}
