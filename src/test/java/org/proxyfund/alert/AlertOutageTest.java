package org.proxyfund.alert;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.db.Sql;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointRetirement;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.schedule.CheckScheduler;
import org.proxyfund.probe.schedule.SchedulerFactory;
import org.proxyfund.probe.schedule.TestScheduleConfig;

import javax.sql.DataSource;
import java.io.File;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Done-when 1 of the alerts: real microsocks endpoints checked by the real scheduler, the alert scanner following the
 * results, and a real SMTP server (aiosmtpd) receiving the mail. An outage over several checks mails exactly one
 * "down" and one "back up"; a flapping endpoint inside the debounce, an outage inside a declared maintenance window
 * and an outage of an operator whose address is not verified mail nothing.
 */
@QuarkusTest
class AlertOutageTest {

    @Inject
    EndpointService endpoints;
    @Inject
    EndpointRetirement retirement;
    @Inject
    SchedulerFactory schedulers;
    @Inject
    AlertScanner scanner;
    @Inject
    MailDeliverer deliverer;
    @Inject
    DataSource ds;

    private record Served(long id, long account, String label, RealServer server) {
    }

    private final List<Served> served = new ArrayList<>();

    private Served socks5(long account, String label) throws Exception {
        int port = RealServer.freePort();
        var result = endpoints.register(account, new EndpointDraft(EndpointType.SOCKS5, "127.0.0.1", port, "EU", Map.of()), label, Actor.system());
        assertTrue(result.ok(), () -> result.errors().toString());
        long id = result.endpoint().id;
        endpoints.transitionTo(id, EndpointState.APPROVED, Actor.system(), null);
        Map<String, String> c = endpoints.credentialFor(account, id).orElseThrow();
        new File("target/probe-servers").mkdirs();
        RealServer server = new RealServer(List.of("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-u", c.get(MonitorCredential.USERNAME), "-P", c.get(MonitorCredential.PASSWORD)), port,
                new File("target/probe-servers/microsocks-alerts.log"));
        Served s = new Served(id, account, label, server);
        served.add(s);
        return s;
    }

    /** An operator signed up on the site, approved, with this address set (and verified when asked). */
    private long operator(WebClient web, String prefix, String address, boolean verify) throws Exception {
        String handle = web.signUp(prefix);
        long account = AlertEmailTest.accountOf(handle);
        new Sql(ds).update("UPDATE account SET state = 'APPROVED' WHERE id = ?", account);
        String token = AlertEmailTest.setAddress(web, address, "en", deliverer);
        if (verify) given().get("/account/alerts/verify?token=" + token).then().statusCode(200);
        return account;
    }

    /** One round: every test endpoint checked once by the real scheduler, then the scanner reads the results. */
    private void round(CheckScheduler scheduler, List<Long> ids) {
        new Sql(ds).update("""
                INSERT INTO check_schedule (endpoint_id, next_check_at) SELECT unnest(?::bigint[]), now() - interval '1 second'
                ON CONFLICT (endpoint_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at, lease_owner = NULL,
                    lease_expires_at = NULL""", ids);
        scheduler.runOnce();
        scanner.runOnce();
    }

    private static void set(RealServer server, boolean up) throws Exception {
        if (up) server.start();
        else server.close();
    }

    @Test
    void shouldMailOneDownAndOneRecoveredPerOutageAndNothingForFlappingMaintenanceOrAnUnverifiedAddress() throws Exception {
        scanner.runOnce();  // the cursor exists before our checks
        String verified = AlertEmailTest.unique("outage");
        String unverified = AlertEmailTest.unique("unverified");
        long alice = operator(new WebClient(), "pfa-outage", verified, true);
        long bob = operator(new WebClient(), "pfa-unverified", unverified, false);
        Served outage = socks5(alice, "relay-outage");
        Served flapping = socks5(alice, "relay-flapping");
        Served planned = socks5(alice, "relay-planned");
        Served bobs = socks5(bob, "relay-bob");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        new Sql(ds).update("INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at, declared_at) VALUES (?, ?, ?, ?)",
                planned.id(), hour, hour.plus(2, ChronoUnit.HOURS), hour);
        List<Long> ids = served.stream().map(Served::id).toList();
        // Fast retries of a failed check (200 ms, once), as the scheduler tests use.
        CheckScheduler scheduler = schedulers.create(TestScheduleConfig.fast(), "pfa-alerts-monitor");
        try {
            // Per round, whether each endpoint's server runs: outage 2 up, 4 down, 3 up; flapping never down twice in a row
            // against the 3 failed checks that confirm an outage here; planned and bob's down like the outage.
            String outagePlan = "UUDDDDUUU";
            String flappingPlan = "UDDUDDUDU";
            for (int r = 0; r < outagePlan.length(); r++) {
                boolean outageUp = outagePlan.charAt(r) == 'U';
                if (r == 0 || outagePlan.charAt(r) != outagePlan.charAt(r - 1)) {
                    set(outage.server(), outageUp);
                    set(planned.server(), outageUp);
                    set(bobs.server(), outageUp);
                }
                if (r == 0 || flappingPlan.charAt(r) != flappingPlan.charAt(r - 1)) {
                    set(flapping.server(), flappingPlan.charAt(r) == 'U');
                }
                round(scheduler, ids);
            }
        } finally {
            scheduler.stop();
            for (Served s : served) {
                s.server().close();
                retirement.retire(s.account(), s.id(), Actor.system());
            }
        }
        Sql sql = new Sql(ds);
        List<String> statuses = sql.query("SELECT status FROM check_result WHERE endpoint_id = ? ORDER BY id",
                rs -> rs.getString(1), outage.id());
        assertEquals(List.of("UP", "UP", "DOWN", "DOWN", "DOWN", "DOWN", "UP", "UP", "UP"), statuses, "the real checks saw the outage");

        deliverer.runOnce();
        List<SmtpSink.Mail> mails = SmtpSink.await(verified, 3);
        Thread.sleep(1000);  // anything more the scheduled sender might still hand over
        mails = SmtpSink.to(verified);
        List<String> subjects = mails.stream().map(SmtpSink.Mail::subject).toList();
        assertEquals(List.of("proxyfund: confirm your alert address", "Down: relay-outage", "Back up: relay-outage"), subjects,
                "one down and one recovered for the outage; nothing for the flapping or the planned endpoint");
        assertTrue(mails.get(1).body().contains("relay-outage") && mails.get(1).body().contains("Nothing accepted the connection"), mails.get(1).body());
        assertEquals(1, SmtpSink.to(unverified).size(), "an unverified address gets its link and nothing else");
        assertEquals(List.of("endpoint.down", "endpoint.recovered"),
                sql.query("SELECT type FROM alert_log WHERE account_id = ? ORDER BY id", rs -> rs.getString(1), bob),
                "bob's outage is still an alert (feed, webhooks), just not mailed to an unverified address");
    }
}
