package org.proxyfund.vantage;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.ServiceProcess;
import org.proxyfund.operator.WebClient;
import org.proxyfund.payout.ProcessHarness;
import org.proxyfund.probe.RealServer;
import org.proxyfund.settlement.RegionalBasis;
import org.proxyfund.wallet.testing.RegtestNode;

import java.io.File;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged service on one database, each running the central monitor, and three agent programs
 * in two regions (two agents on two networks in RA, one in RB) checking real microsocks proxies. Each endpoint x
 * region is leased once per interval across both replicas, every agent's results are kept, and the settlement of an
 * epoch they covered pays RA's endpoints on their agents' median where both networks checked them, RB's on the central
 * monitor (one network is no quorum), exactly as {@link RegionalBasis} computes from the stored per-agent figures.
 * Settlement reads the central monitor's hourly rollups, so the settled epoch is an hour long and ends {@link #RUN}
 * after the replicas are launched (its anchor is set to that moment): it holds the current hour's rollup and every
 * agent result of the run. Bounded: replicas ready within 3 minutes, the whole run about {@link #RUN}.
 */
@Tag("long") // a packaged service and agents in processes of their own: ./mvnw -Plong verify
class VantageReplicasIT {

    static final Duration START = Duration.ofMinutes(3);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** How long after the replicas are launched the settled epoch ends: time to start them and for the agents to work. */
    static final Duration RUN = Duration.ofMinutes(4);
    static final int PER_REGION = 3;

    @Test
    void shouldCheckEachEndpointOncePerIntervalPerRegionAcrossReplicasAndSettleOnTheRegionalMedian() throws Exception {
        List<RealServer> proxies = new ArrayList<>();
        List<AgentProcess> agents = new ArrayList<>();
        try (ProcessHarness h = new ProcessHarness()) {
            long minute = Duration.ofMinutes(1).toMillis();
            Instant epochEnd = Instant.ofEpochMilli((Instant.now().plus(RUN).toEpochMilli() / minute + 1) * minute);
            Instant epochStart = epochEnd.minus(Duration.ofHours(1));
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            List<ServiceProcess> replicas = new ArrayList<>();
            for (String name : List.of("vantage-a", "vantage-b")) {
                Map<String, String> c = new HashMap<>();
                c.put("proxyfund.secrets.key", Base64.getEncoder().encodeToString(key));
                c.put("proxyfund.endpoint.allowed-hosts", "127.0.0.1");
                c.put("proxyfund.probe.schedule.enabled", "true");
                c.put("proxyfund.probe.schedule.monitor-id", name);
                c.put("proxyfund.probe.schedule.interval", "4s");
                c.put("proxyfund.probe.schedule.tick-period", "200ms");
                c.put("proxyfund.probe.schedule.lease-duration", "20s");
                c.put("proxyfund.probe.schedule.rollup-period", "2s");
                c.put("proxyfund.vantage.interval", INTERVAL.toSeconds() + "s");
                c.put("proxyfund.vantage.lease-time", "20s");
                c.put("proxyfund.settlement.epoch-length", "PT1H");
                // The hour's rollup holds only the minutes of this run: the coverage floor would judge the run, not the rule.
                c.put("proxyfund.settlement.min-coverage-bp", "0");
                c.put("proxyfund.settlement.epoch-anchor", epochEnd.toString());
                replicas.add(h.start(name, c));
            }
            replicas.forEach(r -> r.awaitReady(START));
            ServiceProcess a = replicas.get(0);
            ServiceProcess b = replicas.get(1);

            Map<Long, String> served = new HashMap<>();
            WebClient operator = new WebClient().at(a.baseUri());
            operator.signUp("vantage-replicas");
            String token = operator.createApiToken();
            new File("target/probe-servers").mkdirs();
            for (String region : List.of("RA", "RB")) {
                for (int i = 0; i < PER_REGION; i++) {
                    int port = RealServer.freePort();
                    URI on = URI.create(replicas.get(i % 2).baseUri());
                    Response r = given().baseUri("http://" + on.getHost()).port(on.getPort()).header("Authorization", "Bearer " + token)
                            .contentType(ContentType.JSON)
                            .body(Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port, "region", region, "protocolFields", Map.of()))
                            .post("/api/v1/endpoints");
                    assertEquals(201, r.statusCode(), r.asString());
                    JsonPath j = r.jsonPath();
                    // Its outgoing connections leave from 127.0.0.2, as a real proxy's leave from its own address.
                    proxies.add(new RealServer(List.of("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(port), "-b", "127.0.0.2",
                            "-u", j.getString("credential.username"), "-P", j.getString("credential.password")),
                            port, new File("target/probe-servers/microsocks-vantage-replicas.log")).start());
                    served.put(j.getLong("id"), region);
                }
            }
            Long[] ids = served.keySet().toArray(Long[]::new);
            h.number("WITH u AS (UPDATE endpoint SET state = 'APPROVED' WHERE id = ANY(?) RETURNING id) SELECT count(*) FROM u", (Object) ids);

            WebClient admin = ProcessHarness.admin(a);
            String[][] plan = {{"RA", "net-1"}, {"RA", "net-2"}, {"RB", "net-3"}};
            for (int i = 0; i < plan.length; i++) {
                String t = AgentFixtures.createOnPage(admin, "agent " + i, plan[i][0], plan[i][1]);
                // Agents call different replicas: leases and results cross replicas through the one database.
                agents.add(AgentProcess.start(List.of(), (i == 1 ? b : a).baseUri(), t, AgentProcess.stateDir("replicas-" + i),
                        "--allow-host", "127.0.0.0/8", "--concurrency", "1"));
            }
            RegtestNode.await("every agent's first accepted result", START, () -> h.number("SELECT count(DISTINCT agent_id) FROM agent_result"
                    + " WHERE verdict = 'ACCEPTED'") == plan.length);

            // The agents work until the epoch ends; then settlement (the cron's trigger) of that epoch.
            assertTrue(Instant.now().isBefore(epochEnd.minusSeconds(30)), "the agents have at least 30 s of the epoch left");
            ProcessHarness.sleep(Math.max(0, epochEnd.toEpochMilli() - Instant.now().toEpochMilli()) + 3_000);
            agents.forEach(p -> assertTrue(p.alive(), p.output()));
            Response fired = ProcessHarness.trigger(a);
            assertEquals(200, fired.statusCode(), fired.asString());
            RegtestNode.await("the epoch from " + epochStart + " settled", Duration.ofMinutes(1), () -> h.number(
                    "SELECT count(*) FROM settlement WHERE epoch_start = ?", java.sql.Timestamp.from(epochStart)) == 1);

            assertLeasedOncePerInterval(h, served);
            for (long agentId : h.numbers("SELECT id FROM agent ORDER BY id")) {
                assertTrue(h.number("SELECT count(*) FROM agent_result WHERE agent_id = ? AND verdict = 'ACCEPTED' AND status = 'UP'", agentId) >= 3,
                        "agent " + agentId + " relayed through the real proxies, every result kept");
            }
            assertEquals(0, h.number("SELECT count(*) FROM agent_result WHERE refusal LIKE 'up.%'"), "no UP lacked its canary proof");
            assertEquals(2, h.number("SELECT count(DISTINCT monitor) FROM check_result"), "both replicas ran the central monitor");
            assertSettledOnTheDocumentedBasis(h, epochStart, served);
        } finally {
            for (AgentProcess p : agents) {
                p.close();
            }
            proxies.forEach(RealServer::close);
        }
    }

    /** No endpoint x region was leased twice within less than half an interval, by either replica, to any agent. */
    private static void assertLeasedOncePerInterval(ProcessHarness h, Map<Long, String> served) {
        for (Map.Entry<Long, String> e : served.entrySet()) {
            List<Long> leasedAt = h.numbers("SELECT (extract(epoch FROM leased_at) * 1000)::bigint FROM agent_lease WHERE endpoint_id = ?"
                    + " AND region = ? ORDER BY leased_at", e.getKey(), e.getValue());
            assertTrue(leasedAt.size() >= 4, "endpoint " + e.getKey() + " leased " + leasedAt.size() + " times in " + e.getValue());
            for (int i = 1; i < leasedAt.size(); i++) {
                long gap = leasedAt.get(i) - leasedAt.get(i - 1);
                assertTrue(gap >= INTERVAL.toMillis() / 2, "endpoint " + e.getKey() + " leased twice within " + gap + " ms");
            }
            assertEquals(0, h.number("SELECT count(*) FROM agent_lease WHERE endpoint_id = ? AND region <> ?", e.getKey(), e.getValue()),
                    "only its own region's agents check it");
        }
    }

    /** Each line's basis and median are what the pure rule gives from the per-agent figures stored with it. */
    private static void assertSettledOnTheDocumentedBasis(ProcessHarness h, Instant epochStart, Map<Long, String> served) {
        long settlement = h.number("SELECT id FROM settlement WHERE epoch_start = ?", java.sql.Timestamp.from(epochStart));
        int regional = 0;
        for (Map.Entry<Long, String> e : served.entrySet()) {
            String basis = h.text("SELECT basis || '/' || basis_agent_count || '/' || coalesce(regional_uptime_ppm::text, '-')"
                    + " FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?", settlement, e.getKey());
            List<RegionalBasis.AgentEpoch> figures = new ArrayList<>();
            for (long agentId : h.numbers("SELECT agent_id FROM settlement_agent_uptime WHERE settlement_id = ? AND endpoint_id = ?",
                    settlement, e.getKey())) {
                figures.add(new RegionalBasis.AgentEpoch(agentId, h.text("SELECT network_label FROM settlement_agent_uptime WHERE"
                        + " settlement_id = ? AND endpoint_id = ? AND agent_id = ?", settlement, e.getKey(), agentId), true, false,
                        h.number("SELECT up_count FROM settlement_agent_uptime WHERE settlement_id = ? AND endpoint_id = ? AND agent_id = ?",
                                settlement, e.getKey(), agentId),
                        h.number("SELECT down_count FROM settlement_agent_uptime WHERE settlement_id = ? AND endpoint_id = ? AND agent_id = ?",
                                settlement, e.getKey(), agentId),
                        h.number("SELECT unanswered_count FROM settlement_agent_uptime WHERE settlement_id = ? AND endpoint_id = ? AND agent_id = ?",
                                settlement, e.getKey(), agentId)));
            }
            RegionalBasis expected = RegionalBasis.decide(e.getValue(), figures, 2);
            assertEquals(expected.kind().name() + "/" + expected.agents() + "/" + (expected.regional() ? expected.uptimePpm() : "-"), basis,
                    "endpoint " + e.getKey() + " in " + e.getValue() + ": " + figures);
            if ("RB".equals(e.getValue())) {
                assertTrue(basis.startsWith("CENTRAL/1/"), "RB has one network: the central monitor's uptime, " + basis);
            }
            regional += expected.regional() ? 1 : 0;
        }
        assertTrue(regional >= 1, "at least one of RA's endpoints was checked from both networks in the epoch and paid on their median");
        System.out.printf("[vantage-replicas-it] epoch from %s: %d of %d RA endpoints on the regional median%n", epochStart, regional, PER_REGION);
    }
}
