package org.proxyfund.probe.schedule;

import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointRetirement;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.operator.TransitionResult;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.TestSocks5Relay;

import javax.sql.DataSource;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real endpoints for scheduler tests: registered and approved through EndpointService (so their credentials are
 * issued and encrypted as in production), each served by its own real microsocks with that credential. Closing it
 * stops the servers and suspends the endpoints, so later rounds never lease them.
 */
final class ScheduleFixture implements AutoCloseable {

    static final File LOGS = new File("target/probe-servers");

    /** One row of check_result. */
    record Result(long endpointId, OffsetDateTime checkedAt, String status, String reason, int attempts, String monitor,
                  String detail) {
    }

    /** One endpoint under test and its server (not started when the test wants it down at first). */
    record Served(long id, long accountId, RealServer server) {
    }

    private final EndpointService endpoints;
    private final EndpointRetirement retirement;
    private final DataSource db;
    private final List<Served> served = new ArrayList<>();
    private final List<TestSocks5Relay> relays = new ArrayList<>();
    private long accountId;
    private int onAccount;

    ScheduleFixture(EndpointService endpoints, DataSource db) {
        this.endpoints = endpoints;
        this.retirement = io.quarkus.arc.Arc.container().instance(EndpointRetirement.class).get();
        this.db = db;
        LOGS.mkdirs();
    }

    /** A new approved SOCKS5 endpoint on a free loopback port with a microsocks for it, started or not. */
    Served socks5(boolean start) throws Exception {
        if (accountId == 0 || onAccount == 20) {
            accountId = newAccount();
            onAccount = 0;
        }
        onAccount++;
        // A free port may still be registered by an endpoint an earlier test left (suspended): take another one.
        int port;
        EndpointService.Result result;
        int tries = 0;
        do {
            port = RealServer.freePort();
            result = endpoints.register(accountId, new EndpointDraft(EndpointType.SOCKS5, "127.0.0.1", port, "EU", Map.of()),
                    null, Actor.system());
        } while (!result.ok() && ++tries < 10 && result.errors().stream().anyMatch(e -> "endpoint.duplicate".equals(e.code())));
        EndpointService.Result registered = result;
        assertTrue(registered.ok(), () -> registered.errors().toString());
        long id = result.endpoint().id;
        assertEquals(TransitionResult.DONE, endpoints.transitionTo(id, EndpointState.APPROVED, Actor.system(), null));
        Map<String, String> credential = endpoints.credentialFor(accountId, id).orElseThrow();
        RealServer server = new RealServer(List.of("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-u", credential.get(MonitorCredential.USERNAME), "-P", credential.get(MonitorCredential.PASSWORD)),
                port, new File(LOGS, "microsocks-schedule.log"));
        if (start) server.start();
        Served s = new Served(id, accountId, server);
        served.add(s);
        return s;
    }

    /** An approved endpoint registered at a port the caller serves itself. */
    long endpointAt(int port) {
        if (accountId == 0 || onAccount == 20) {
            accountId = newAccount();
            onAccount = 0;
        }
        onAccount++;
        var result = endpoints.register(accountId, new EndpointDraft(EndpointType.SOCKS5, "127.0.0.1", port, "EU", Map.of()),
                null, Actor.system());
        assertTrue(result.ok(), () -> result.errors().toString());
        long id = result.endpoint().id;
        endpoints.transitionTo(id, EndpointState.APPROVED, Actor.system(), null);
        served.add(new Served(id, accountId, null));
        return id;
    }

    /** An approved endpoint of another type at a port the caller serves itself, with these protocol fields. */
    long endpointAt(EndpointType type, int port, Map<String, String> fields) {
        if (accountId == 0 || onAccount == 20) {
            accountId = newAccount();
            onAccount = 0;
        }
        onAccount++;
        var result = endpoints.register(accountId, new EndpointDraft(type, "127.0.0.1", port, "EU", fields), null, Actor.system());
        assertTrue(result.ok(), () -> result.errors().toString());
        long id = result.endpoint().id;
        endpoints.transitionTo(id, EndpointState.APPROVED, Actor.system(), null);
        served.add(new Served(id, accountId, null));
        return id;
    }

    /** The credential issued for one of the fixture's endpoints, as its operator sees it. */
    Map<String, String> credential(long id) {
        return endpoints.credentialFor(accountIdOf(id), id).orElseThrow();
    }

    /** The operator of one of the fixture's endpoints. */
    long accountIdOf(long id) {
        return served.stream().filter(s -> s.id() == id).findFirst().orElseThrow().accountId();
    }

    /** An approved endpoint served by a test SOCKS5 relay (started here) that accepts the credential issued for it. */
    long relay(TestSocks5Relay relay) throws Exception {
        relay.start();
        long id = endpointAt(relay.port());
        Map<String, String> credential = endpoints.credentialFor(accountId, id).orElseThrow();
        relay.credential(credential.get(MonitorCredential.USERNAME), credential.get(MonitorCredential.PASSWORD));
        relays.add(relay);
        return id;
    }

    /** The account the latest endpoints belong to. */
    long accountId() {
        return accountId;
    }

    List<Long> ids() {
        return served.stream().map(Served::id).toList();
    }

    /** Makes these endpoints due now and unleased (inserting their schedule rows if missing). */
    void makeDue(List<Long> ids) {
        update("""
                INSERT INTO check_schedule (endpoint_id, next_check_at) SELECT unnest(?::bigint[]), now() - interval '1 second'
                ON CONFLICT (endpoint_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at, lease_owner = NULL,
                    lease_expires_at = NULL""", ids);
    }

    List<Result> results(List<Long> ids) {
        List<Result> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT endpoint_id, checked_at, status, reason, attempts, monitor, detail FROM check_result
                WHERE endpoint_id = ANY(?) ORDER BY endpoint_id, checked_at""")) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Result(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A single number from SQL with one bigint[] parameter (the ids). */
    long scalar(String sql, List<Long> ids) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (sql.contains("?")) st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(String sql, List<Long> ids) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        relays.forEach(TestSocks5Relay::stop);
        for (Served s : served) {
            if (s.server() != null) s.server().close();
            // Retired, not suspended: a retired endpoint frees its host:port, and the port of a test relay is an ephemeral
            // one the system hands out again, so a later test's relay could otherwise not be registered (a duplicate).
            retirement.retire(s.accountId(), s.id(), Actor.system());
        }
    }

    private long newAccount() {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO account (handle, password_hash, role, state) VALUES (?, ?, 'OPERATOR', 'APPROVED') RETURNING id""")) {
            st.setString(1, "sched-" + UUID.randomUUID().toString().substring(0, 8));
            st.setString(2, "$2a$04$notarealhashnotarealhashnotarealhash");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
