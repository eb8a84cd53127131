package org.proxyfund.cluster;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.proxyfund.common.testing.ServiceProcess;
import org.proxyfund.operator.WebClient;
import org.proxyfund.payout.PayoutTestData;
import org.proxyfund.payout.ProcessHarness;
import org.proxyfund.probe.RealServer;
import org.proxyfund.wallet.testing.RegtestNode;

import java.io.File;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas of the packaged service against one PostgreSQL and one regtest node, as a three-replica Kubernetes
 * StatefulSet runs them: health checks of real proxies shared among the three without any endpoint checked twice in
 * one interval, exactly one payout leader, the leader's death handing the role to another that then pays a batch,
 * and donation addresses handed out concurrently by all three never repeated.
 */
@Tag("long") // a packaged service in processes of its own: ./mvnw -Plong verify
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    static final Duration START = Duration.ofMinutes(3);
    static final Duration SETTLE = Duration.ofMinutes(2);
    static final Duration INTERVAL = Duration.ofSeconds(4);
    static final int ENDPOINTS = 12;
    static final String LEADER_LINE = "this replica is the payout leader";

    static ProcessHarness h;
    static final Map<String, ServiceProcess> replicas = new LinkedHashMap<>();
    static final List<RealServer> proxies = new ArrayList<>();

    @BeforeAll
    static void startThreeReplicas() {
        h = new ProcessHarness();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        for (String name : List.of("replica-a", "replica-b", "replica-c")) {
            Map<String, String> c = new HashMap<>();
            // Shared, as the Secret's ENCRYPTION_KEY is: any replica decrypts the credentials another issued.
            c.put("proxyfund.secrets.key", Base64.getEncoder().encodeToString(key));
            c.put("proxyfund.endpoint.allowed-hosts", "127.0.0.1");
            c.put("proxyfund.probe.schedule.enabled", "true");
            c.put("proxyfund.probe.schedule.monitor-id", name);
            c.put("proxyfund.probe.schedule.interval", INTERVAL.toSeconds() + "s");
            c.put("proxyfund.probe.schedule.tick-period", "200ms");
            c.put("proxyfund.probe.schedule.batch-size", "2");
            c.put("proxyfund.probe.schedule.lease-duration", "20s");
            replicas.put(name, h.start(name, c));
        }
        replicas.values().forEach(r -> r.awaitReady(START));
    }

    @AfterAll
    static void stopEverything() {
        proxies.forEach(RealServer::close);
        if (h != null) {
            h.close();
        }
    }

    @Test
    @Order(1)
    void shouldShareTheHealthChecksOfRealProxiesAmongTheReplicasWithoutCheckingAnyTwiceInOneInterval() throws Exception {
        List<ServiceProcess> all = List.copyOf(replicas.values());
        WebClient operator = new WebClient().at(all.get(0).baseUri());
        operator.signUp("replicas");
        String token = operator.createApiToken();
        List<Long> ids = new ArrayList<>();
        new File("target/probe-servers").mkdirs();
        for (int i = 0; i < ENDPOINTS; i++) {
            int port = RealServer.freePort();
            // registered through any replica: the next one must read the credential this one issued
            URI on = URI.create(all.get(i % 3).baseUri());
            Response r = given().baseUri("http://" + on.getHost()).port(on.getPort()).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port, "region", "EU", "protocolFields", Map.of()))
                    .post("/api/v1/endpoints");
            assertEquals(201, r.statusCode(), r.asString());
            JsonPath j = r.jsonPath();
            proxies.add(new RealServer(List.of("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(port),
                    "-u", j.getString("credential.username"), "-P", j.getString("credential.password")),
                    port, new File("target/probe-servers/microsocks-replicas.log")).start());
            ids.add(j.getLong("id"));
        }
        // An admin's approval (the admin pages are tested elsewhere); from here on the replicas schedule them by themselves.
        h.number("WITH u AS (UPDATE endpoint SET state = 'APPROVED' WHERE id = ANY(?) RETURNING id) SELECT count(*) FROM u",
                (Object) ids.toArray(Long[]::new));

        ProcessHarness.sleep(INTERVAL.toMillis() * 6);

        List<Check> checks = checks(ids);
        Map<Long, List<Check>> byEndpoint = checks.stream().collect(Collectors.groupingBy(Check::endpoint));
        assertEquals(ENDPOINTS, byEndpoint.size(), "every endpoint was checked");
        for (List<Check> one : byEndpoint.values()) {
            assertTrue(one.size() >= 3, "checks of one endpoint in six intervals: " + one.size());
            for (int i = 1; i < one.size(); i++) {
                long gapMs = one.get(i).at().getTime() - one.get(i - 1).at().getTime();
                // two replicas checking the same endpoint would land ~0 s apart; jitter is ±10 % of 4 s
                assertTrue(gapMs >= 2_500, "endpoint " + one.get(i).endpoint() + " checked twice within " + gapMs + " ms");
            }
            one.forEach(c -> assertEquals("UP", c.status(), "relayed through the real proxy by " + c.monitor()));
        }
        Set<String> monitors = checks.stream().map(Check::monitor).collect(Collectors.toSet());
        assertEquals(replicas.keySet(), monitors, "all three replicas did part of the work");
        System.out.printf("[replicas-it] %d checks of %d endpoints: %s%n", checks.size(), ENDPOINTS,
                checks.stream().collect(Collectors.groupingBy(Check::monitor, Collectors.counting())));
    }

    @Test
    @Order(2)
    void shouldHandOutDonationAddressesThatNeverRepeatAcrossReplicasAskedAtTheSameInstant() throws Exception {
        List<Callable<String>> asks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ServiceProcess r = List.copyOf(replicas.values()).get(i % 3);
            asks.add(() -> h.donationAddress(r));
        }
        @SuppressWarnings("unchecked")
        Callable<String>[] calls = asks.toArray(Callable[]::new);
        List<String> addresses = ProcessHarness.together(calls);
        assertEquals(30, new HashSet<>(addresses).size(), "30 donors, 30 different addresses: " + addresses);
        assertEquals(0, h.number("SELECT count(*) FROM (SELECT address FROM donation GROUP BY address HAVING count(*) > 1) d"),
                "no address was ever handed to two donations");
    }

    @Test
    @Order(3)
    void shouldHaveOneLeaderAndLetAnotherReplicaPayWhenTheLeaderDies() {
        ServiceProcess leader = awaitOneLeader(replicas.values());
        List<ServiceProcess> others = replicas.values().stream().filter(r -> r != leader).toList();
        h.fund(others.getFirst(), 20_000_000L);
        int fromHeight = h.node.blockCount() + 1;
        Map<String, Long> owed = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String address = PayoutTestData.someAddress();
            owed.put(address, 130_000L + 5_000L * i);
            h.operatorOwed(address, owed.get(address));
        }
        ProcessHarness.awaitNextEpoch();
        Response fired = ProcessHarness.trigger(others.getFirst());
        assertEquals(200, fired.statusCode(), fired.asString());
        long batch = fired.jsonPath().getList("batchIds", Long.class).getFirst();

        leader.kill();
        ServiceProcess next = awaitOneLeader(others);

        WebClient admin = ProcessHarness.admin(others.getLast());
        admin.post("/admin/payouts/" + batch + "/approve", "revision", String.valueOf(ProcessHarness.revisionShown(admin, batch)))
                .then().statusCode(200);
        h.awaitState(batch, "BROADCAST", SETTLE);
        h.node.mine(6);
        h.awaitState(batch, "CONFIRMED", SETTLE);
        assertEquals(1, h.number("SELECT count(*) FROM payout_tx WHERE batch_id = ?", batch), "one transaction");
        h.assertPaidOnceOnChain(fromHeight, owed);
        System.out.printf("[replicas-it] leader %s killed, %s took over and paid batch %d%n", leader.name(), next.name(), batch);
    }

    /** Waits until exactly one of the running replicas has said it leads, and no other has; returns it. */
    private static ServiceProcess awaitOneLeader(Collection<ServiceProcess> among) {
        RegtestNode.await("one payout leader among " + among.stream().map(ServiceProcess::name).toList(), SETTLE,
                () -> among.stream().filter(r -> r.log().contains(LEADER_LINE)).count() == 1);
        ProcessHarness.sleep(3_000);
        List<ServiceProcess> leading = among.stream().filter(r -> r.log().contains(LEADER_LINE)).toList();
        assertEquals(1, leading.size(), "exactly one leader, still after a few more worker rounds");
        return leading.getFirst();
    }

    private record Check(long endpoint, Timestamp at, String status, String monitor) {
    }

    private static List<Check> checks(List<Long> ids) throws Exception {
        List<Check> out = new ArrayList<>();
        try (var c = DriverManager.getConnection(h.jdbcUrl, org.proxyfund.common.db.EmbeddedPostgresServer.user(), org.proxyfund.common.db.EmbeddedPostgresServer.password());
             var ps = c.prepareStatement("SELECT endpoint_id, checked_at, status, monitor FROM check_result"
                     + " WHERE endpoint_id = ANY(?) ORDER BY endpoint_id, checked_at")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Check(rs.getLong(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }
}
