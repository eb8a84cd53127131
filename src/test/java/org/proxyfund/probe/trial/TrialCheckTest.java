package org.proxyfund.probe.trial;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.TestSocks5Relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Check now" on a pending endpoint: the operator runs the real check against their relay before approval and reads
 * the result on the page; it is not a health check (no result, no schedule, no uptime), a second press within the
 * rate limit runs nothing, and nobody else can press it.
 */
@QuarkusTest
class TrialCheckTest {

    private static final Pattern CREDENTIAL = Pattern.compile("<dt data-key=\"([^\"]+)\">[^<]*</dt><dd><code>([^<]*)</code></dd>");

    @Inject
    DataSource db;

    @Test
    void shouldCheckAPendingEndpointOnRequestWithoutCountingItAndAtMostOncePerPeriod() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay("", "")) {
            relay.start();
            WebClient operator = new WebClient();
            operator.signUp("trial");
            operator.get("/dashboard");
            Response registered = operator.post("/endpoints", "type", "SOCKS5", "label", "", "host", "127.0.0.1",
                    "port", String.valueOf(relay.port()), "region", "Iran");
            assertEquals(303, registered.statusCode(), registered.asString());
            String path = registered.getHeader("Location").replaceFirst("^https?://[^/]+", "");
            long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            String page = operator.get(path).then().statusCode(200).extract().asString();
            assertTrue(page.contains("id=\"check-now\""), "a pending endpoint offers the check");
            String user = null;
            String password = null;
            Matcher m = CREDENTIAL.matcher(page);
            while (m.find()) {
                if (m.group(1).equals("username")) user = m.group(2);
                if (m.group(1).equals("password")) password = m.group(2);
            }
            relay.credential(user, password);

            Response pressed = operator.post(path + "/check-now");
            assertEquals(303, pressed.statusCode(), pressed.asString());
            String after = operator.get(path).then().statusCode(200).extract().asString();
            assertTrue(after.contains("id=\"trial-result\" class=\"trial-UP\""), after);
            assertTrue(after.contains("Passed at "), after);
            assertTrue(after.contains("id=\"trial-wait\""), "the button waits for the period");
            int connections = relay.accepted();
            assertTrue(connections > 0, "the check went through the operator's relay");
            assertEquals(0, count("SELECT count(*) FROM check_result WHERE endpoint_id = ?", id), "not a health check");
            assertEquals(0, count("SELECT count(*) FROM check_rollup_hourly WHERE endpoint_id = ?", id), "not uptime");

            assertEquals(303, operator.post(path + "/check-now").statusCode());
            assertEquals(connections, relay.accepted(), "pressed again within the period: nothing ran");

            relay.credential("someone-else", "another-password");
            execute("UPDATE endpoint_trial_check SET claimed_at = claimed_at - interval '1 hour' WHERE endpoint_id = ?", id);
            operator.post(path + "/check-now");
            String failed = operator.get(path).then().extract().asString();
            assertTrue(failed.contains("class=\"trial-DOWN\""), failed);
            assertTrue(failed.contains("The endpoint refused the credential we issued"), "the reason in the operator's words: " + failed);

            WebClient stranger = new WebClient();
            stranger.signUp("trial-stranger");
            stranger.get("/dashboard");
            assertEquals(404, stranger.post(path + "/check-now").statusCode(), "only the owner can run it");
            execute("UPDATE endpoint SET state = 'APPROVED' WHERE id = ?", id);
            String approved = operator.get(path).then().extract().asString();
            assertFalse(approved.contains("id=\"check-now\""), "an approved endpoint is checked on schedule instead");
        }
    }

    private long count(String sql, long id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql, long id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            st.executeUpdate();
        }
    }
}
