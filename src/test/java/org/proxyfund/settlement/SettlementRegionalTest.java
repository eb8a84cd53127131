package org.proxyfund.settlement;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerAccount;
import org.proxyfund.ledger.LedgerService;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.cleanUp;
import static org.proxyfund.settlement.SettlementFixtures.endpoint;
import static org.proxyfund.settlement.SettlementFixtures.exec;
import static org.proxyfund.settlement.SettlementFixtures.fund;
import static org.proxyfund.settlement.SettlementFixtures.operator;
import static org.proxyfund.settlement.SettlementFixtures.query;
import static org.proxyfund.settlement.SettlementFixtures.scalar;
import static org.proxyfund.settlement.SettlementFixtures.week;

/**
 * One settlement through seeded agent results (default regional quorum: 2 networks): every endpoint is up all week
 * from the central monitor outside; inside its region one is blocked, one reachable, one seen from one network only,
 * and one judged by honest agents beside a liar and a revoked agent. Each is paid on the basis the rules give, and
 * each line and agent's figures are stored.
 */
@QuarkusTest
class SettlementRegionalTest {

    @Inject
    SettlementService service;
    @Inject
    LedgerService ledger;
    @Inject
    DataSource ds;
    @Inject
    SettlementQueries settlements;

    private final List<Long> agents = new ArrayList<>();
    private final String region = "R" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();

    @BeforeEach
    void setUp() {
        cleanUp(ds, ledger);
        fund(ledger, 50_000_000L);
    }

    @AfterEach
    void tearDown() {
        cleanUp(ds, ledger);
        agents.forEach(id -> exec(ds, "DELETE FROM agent WHERE id = ?", id));
    }

    @Test
    void shouldPayEachEndpointOnItsServedRegionsMedianWhereAQuorumOfNetworksCoversIt() {
        Epoch e = service.calendar().epochContaining(Instant.parse("2025-08-13T12:00:00Z"));
        long blocked = endpointOf();
        long reachable = endpointOf();
        long oneNetwork = endpointOf();
        long amongLiars = endpointOf();
        long outsideOnly = endpointOf();
        long impairedInside = endpointOf();
        long withheld = endpointOf();
        for (long id : new long[]{blocked, reachable, oneNetwork, amongLiars, outsideOnly, impairedInside, withheld}) {
            week(ds, id, e, 60, 0, 0);
        }
        long a = agent("ACTIVE", "net-a");
        long b = agent("ACTIVE", "net-b");
        long c = agent("ACTIVE", "net-c");
        long liar = agent("ACTIVE", "net-d");
        long revoked = agent("REVOKED", "net-e");
        Instant t = e.start().plus(Duration.ofHours(10));

        results(a, blocked, "DOWN", "ACCEPTED", 100, t, 30);
        results(b, blocked, "UP", "ACCEPTED", 10, t, 30);
        results(b, blocked, "DOWN", "ACCEPTED", 90, t.plus(Duration.ofHours(2)), 30);

        results(a, reachable, "UP", "ACCEPTED", 100, t, 30);
        results(b, reachable, "UP", "ACCEPTED", 99, t, 30);
        results(b, reachable, "DOWN", "ACCEPTED", 1, t.plus(Duration.ofHours(2)), 30);
        results(c, reachable, "UP", "ACCEPTED", 95, t, 30);
        results(c, reachable, "DOWN", "ACCEPTED", 5, t.plus(Duration.ofHours(2)), 30);
        results(c, reachable, "DOWN", "ACCEPTED", 50, e.start().minus(Duration.ofHours(3)), 30);  // before the epoch
        results(c, reachable, "DOWN", "ACCEPTED", 3, e.end().minus(Duration.ofSeconds(20)), 60);  // received after its end

        results(a, oneNetwork, "DOWN", "ACCEPTED", 100, t, 30);
        results(agent("ACTIVE", "NET-A"), oneNetwork, "DOWN", "ACCEPTED", 100, t, 30);

        results(a, amongLiars, "DOWN", "ACCEPTED", 100, t, 30);
        results(b, amongLiars, "DOWN", "ACCEPTED", 100, t, 30);
        results(liar, amongLiars, "UP", "ACCEPTED", 100, t, 30);
        results(liar, amongLiars, "UP", "REFUSED", 3, t.plus(Duration.ofHours(3)), 30);
        results(revoked, amongLiars, "UP", "ACCEPTED", 100, t, 30);

        // Agent b failed a control the central monitor saw UP: impaired for that span, its DOWNs in it are UNKNOWN, so
        // it has no verdict left and agent a's network alone is no quorum.
        results(a, impairedInside, "UP", "ACCEPTED", 100, t, 30);
        results(b, impairedInside, "DOWN", "ACCEPTED", 100, t.plus(Duration.ofDays(1)), 30);
        exec(ds, "INSERT INTO agent_impairment (lease_id, agent_id, endpoint_id, starts_at, ends_at) SELECT min(id), ?, ?, ?, ?"
                + " FROM agent_lease WHERE agent_id = ? AND endpoint_id = ?", b, impairedInside, at(t.plus(Duration.ofDays(1))),
                at(t.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(100))), b, impairedInside);

        // Agent c reports only its UPs and lets its other leases run out: it takes no part, so a's network alone is
        // no quorum (with c the median would have been 75 %).
        results(a, withheld, "UP", "ACCEPTED", 50, t, 30);
        results(a, withheld, "DOWN", "ACCEPTED", 50, t.plus(Duration.ofHours(2)), 30);
        results(c, withheld, "UP", "ACCEPTED", 50, t, 30);
        exec(ds, "INSERT INTO agent_lease (agent_id, endpoint_id, region, nonces, leased_at, deadline_at) SELECT ?, ?, ?, '{}',"
                + " ?::timestamptz + g * interval '1 minute', ?::timestamptz + g * interval '1 minute' + interval '2 minutes'"
                + " FROM generate_series(0, 49) g", c, withheld, region, at(t.plus(Duration.ofHours(2))), at(t.plus(Duration.ofHours(2))));

        SettleResult r = service.settle(e);
        assertEquals(SettleResult.Status.CREATED, r.status(), r.message());
        long id = r.settlement().id();

        assertLine(id, blocked, "REGIONAL_MEDIAN", 2, 2, 50_000L, "BELOW_THRESHOLD");
        assertLine(id, reachable, "REGIONAL_MEDIAN", 3, 3, 990_000L, "COUNTED");
        assertLine(id, oneNetwork, "CENTRAL", 2, 1, null, "COUNTED");
        assertLine(id, amongLiars, "REGIONAL_MEDIAN", 2, 2, 0L, "BELOW_THRESHOLD");
        assertLine(id, outsideOnly, "CENTRAL", 0, 0, null, "COUNTED");
        assertLine(id, impairedInside, "CENTRAL", 1, 1, null, "COUNTED");
        assertLine(id, withheld, "CENTRAL", 1, 1, null, "COUNTED");
        assertEquals(List.of("50/0/0/UNANSWERED"), agentLine(id, withheld, c), "an agent that let half its leases run out");
        assertEquals(50, scalar(ds, "SELECT unanswered_count FROM settlement_agent_uptime WHERE settlement_id = ? AND endpoint_id = ?"
                + " AND agent_id = ?", id, withheld, c));
        assertEquals(List.of("0/0/0/NO_VERDICT"), agentLine(id, impairedInside, b), "an impaired agent's DOWNs are no verdict");
        assertEquals(100, scalar(ds, "SELECT impaired_down_count FROM settlement_agent_uptime WHERE settlement_id = ? AND endpoint_id = ?"
                + " AND agent_id = ?", id, impairedInside, b), "they are kept apart for audit");

        assertEquals(0, payable(blocked), "blocked where it serves: up from outside all week, paid nothing");
        assertEquals(0, payable(amongLiars), "a liar's and a revoked agent's UPs do not lift the median");
        assertTrue(payable(reachable) > 0);
        assertEquals(payable(outsideOnly), payable(oneNetwork), "one network is no quorum: the central monitor's uptime, as before");
        assertTrue(payable(reachable) < payable(outsideOnly), "99 % inside weighs less than 100 % outside");

        assertEquals(List.of("95/5/0/-"), agentLine(id, reachable, c), "only results checked in the epoch and received before its end");
        assertEquals(List.of("100/0/3/IMPAIRED"), agentLine(id, amongLiars, liar), "a refused UP impairs the agent for the epoch");
        assertEquals(List.of("100/0/0/NOT_ACTIVE"), agentLine(id, amongLiars, revoked));
        assertEquals(List.of("0/100/0/-"), agentLine(id, amongLiars, a));
        assertEquals(0, scalar(ds, "SELECT count(*) FROM settlement_agent_uptime WHERE settlement_id = ? AND endpoint_id = ?", id, outsideOnly));
        assertTrue(r.settlement().rules().replace(" ", "").contains("\"regionalQuorum\":2"), r.settlement().rules());

        SettledEndpoint line = settlements.endpoints(id, 100).stream().filter(l -> l.endpointId() == reachable).findFirst().orElseThrow();
        assertEquals("99.00 %", line.uptimeText(), "pages show the uptime the line was paid on");
        assertNull(settlements.endpoints(id, 100).stream().filter(l -> l.endpointId() == outsideOnly).findFirst()
                .orElseThrow().regionalUptimePpm());
    }

    private long endpointOf() {
        return endpoint(ds, operator(ds, "APPROVED", true), "SOCKS5", region.toLowerCase());
    }

    private long agent(String state, String network) {
        boolean revoked = "REVOKED".equals(state);
        long id = scalar(ds, "INSERT INTO agent (name, region, network_label, state, public_key, enrolled_at, created_by, revoked_at,"
                        + " revoked_by) VALUES (?, ?, ?, ?, '\\x01'::bytea, now(), 'test', ?, ?) RETURNING id", "settle-agent", region,
                network, state, revoked ? java.time.OffsetDateTime.now(ZoneOffset.UTC) : null, revoked ? "test" : null);
        agents.add(id);
        return id;
    }

    /** {@code n} results a minute apart from {@code from}, each answering a lease of its own, received {@code delaySeconds} after its check. */
    private void results(long agentId, long endpointId, String status, String verdict, int n, Instant from, int delaySeconds) {
        exec(ds, "WITH l AS (INSERT INTO agent_lease (agent_id, endpoint_id, region, nonces, leased_at, deadline_at, completed_at)"
                        + " SELECT ?, ?, ?, '{}', ?::timestamptz + g * interval '1 minute', ?::timestamptz + g * interval '1 minute'"
                        + " + interval '2 minutes', ?::timestamptz + g * interval '1 minute' FROM generate_series(0, ? - 1) g"
                        + " RETURNING id, agent_id, endpoint_id, region, leased_at)"
                        + " INSERT INTO agent_result (lease_id, agent_id, endpoint_id, region, checked_at, received_at, status, reason,"
                        + " latency_ms, detail, verdict, refusal) SELECT id, agent_id, endpoint_id, region, leased_at,"
                        + " leased_at + ? * interval '1 second', ?, CASE WHEN ? = 'DOWN' THEN 'TIMEOUT' END, CASE WHEN ? = 'UP' THEN 12 END,"
                        + " '', ?, ? FROM l",
                agentId, endpointId, region, at(from), at(from), at(from), n, delaySeconds, status, status, status, verdict,
                "REFUSED".equals(verdict) ? "up.nonce_never_arrived" : null);
    }

    private static java.time.OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private void assertLine(long settlementId, long endpointId, String basis, int agents, int networks, Long ppm, String outcome) {
        List<String> row = query(ds, "SELECT basis, basis_region, basis_agent_count, basis_network_count, regional_uptime_ppm, outcome"
                        + " FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getInt(4) + "|" + rs.getObject(5) + "|"
                        + rs.getString(6), settlementId, endpointId);
        assertEquals(List.of(basis + "|" + region + "|" + agents + "|" + networks + "|" + ppm + "|" + outcome), row);
    }

    private List<String> agentLine(long settlementId, long endpointId, long agentId) {
        return query(ds, "SELECT up_count, down_count, false_up_count, coalesce(exclusion, '-') FROM settlement_agent_uptime"
                        + " WHERE settlement_id = ? AND endpoint_id = ? AND agent_id = ?",
                rs -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getString(4), settlementId, endpointId, agentId);
    }

    private long payable(long endpointId) {
        long operatorId = scalar(ds, "SELECT account_id FROM endpoint WHERE id = ?", endpointId);
        return -ledger.balances().getOrDefault(LedgerAccount.operatorPayable(operatorId).name(), 0L);
    }
}
