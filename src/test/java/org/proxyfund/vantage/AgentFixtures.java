package org.proxyfund.vantage;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.operator.WebClient;
import org.proxyfund.vantage.wire.SignedRequest;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers for agents: created through the admin page, enrolled and called through the real API, signed with JDK keys. */
final class AgentFixtures {

    private AgentFixtures() {
    }

    /** A region no other test uses, so leases see only this test's endpoints. */
    static String freshRegion() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    /** Creates an agent on the admin page and returns the one-time token the page shows. */
    static String createOnPage(WebClient admin, String name, String region, String network) {
        admin.get("/admin/agents");
        Response r = admin.post("/admin/agents", "name", name, "region", region, "networkLabel", network);
        assertEquals(200, r.statusCode(), r.asString());
        Matcher m = Pattern.compile("id=\"agent-token\">([^<]+)<").matcher(r.asString());
        assertTrue(m.find(), "the page shows the one-time token");
        return m.group(1);
    }

    static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response enroll(String token, KeyPair keys) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())))
                .post("/api/v1/agent/enroll");
    }

    /** An enrolled agent calling the API with its key. */
    record Caller(long agentId, KeyPair keys) {

        Response post(String path, String body) {
            return post(path, body, System.currentTimeMillis(), UUID.randomUUID().toString().replace("-", ""), keys);
        }

        Response post(String path, String body, long timestamp, String nonce, KeyPair signer) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String signature = SignedRequest.sign(signer.getPrivate(),
                    SignedRequest.canonical("POST", path, agentId, timestamp, nonce, bytes));
            return given().contentType(ContentType.JSON).header(SignedRequest.AGENT, String.valueOf(agentId))
                    .header(SignedRequest.TIMESTAMP, String.valueOf(timestamp)).header(SignedRequest.NONCE, nonce)
                    .header(SignedRequest.SIGNATURE, signature).body(bytes).post(path);
        }

        Response lease(int max) {
            return post("/api/v1/agent/lease", "{\"max\":" + max + "}");
        }

        Response push(String resultsJson) {
            return post("/api/v1/agent/results", "{\"results\":[" + resultsJson + "]}");
        }
    }

    /** Creates and enrolls an agent. */
    static Caller enrolled(WebClient admin, String region, String network) {
        String token = createOnPage(admin, "agent " + UUID.randomUUID().toString().substring(0, 6), region, network);
        KeyPair keys = keys();
        Number id = enroll(token, keys).then().statusCode(201).extract().path("agentId");
        return new Caller(id.longValue(), keys);
    }

    /** An approved SOCKS5 endpoint serving {@code region}, at this port on loopback; its id. */
    static long approvedEndpoint(EndpointService endpoints, DataSource db, String region, int port) {
        return approvedEndpoint(endpoints, db, region, "127.0.0.1", port);
    }

    /** The same at this host (an address the test profile allows). */
    static long approvedEndpoint(EndpointService endpoints, DataSource db, String region, String host, int port) {
        return approved(endpoints, newAccount(db), region, host, port).endpoint().id;
    }

    /** An approved endpoint with the monitor credential the service issued for it (no server started). */
    record Registered(long endpointId, int port, Map<String, String> credential) {
    }

    /** An approved SOCKS5 endpoint serving {@code region} at 127.0.0.1 on this port (or the next free one) and its credential. */
    static Registered registered(EndpointService endpoints, DataSource db, String region, int port) {
        EndpointService.Result r = approved(endpoints, newAccount(db), region, "127.0.0.1", port);
        return new Registered(r.endpoint().id, r.endpoint().port,
                endpoints.credentialFor(r.endpoint().accountId, r.endpoint().id).orElseThrow());
    }

    /**
     * Registers and approves a SOCKS5 endpoint at 127.0.0.1 on {@code port}, or, when another test's fixture holds that
     * address already, on the next free port; the registration.
     */
    private static EndpointService.Result approved(EndpointService endpoints, long account, String region, String host, int port) {
        EndpointService.Result result;
        int tries = 0;
        do {
            result = endpoints.register(account, new EndpointDraft(EndpointType.SOCKS5, host, port, region, Map.of()),
                    null, Actor.system());
            port = org.proxyfund.probe.RealServer.freePort();
        } while (!result.ok() && ++tries < 20 && result.errors().stream().anyMatch(e -> "endpoint.duplicate".equals(e.code())));
        EndpointService.Result registered = result;
        assertTrue(registered.ok(), () -> registered.errors().toString());
        endpoints.transitionTo(registered.endpoint().id, EndpointState.APPROVED, Actor.system(), null);
        return registered;
    }

    /** An approved SOCKS5 endpoint serving {@code region}, served by a real microsocks with its issued credential. */
    record Served(long endpointId, org.proxyfund.probe.RealServer server, Map<String, String> credential) {
    }

    /**
     * An approved SOCKS5 endpoint for the region, served by a started microsocks on loopback whose outgoing
     * connections leave from {@code outgoing} (another loopback address than the agent's, as a real proxy's would).
     */
    static Served microsocks(EndpointService endpoints, DataSource db, String region, String outgoing) throws Exception {
        return microsocks(endpoints, db, region, "127.0.0.1", outgoing);
    }

    /** The same, registered and listening at {@code host}. */
    static Served microsocks(EndpointService endpoints, DataSource db, String region, String host, String outgoing) throws Exception {
        return microsocks(endpoints, db, newAccount(db), region, host, outgoing);
    }

    /** The same, owned by this operator. */
    static Served microsocks(EndpointService endpoints, DataSource db, long account, String region, String host, String outgoing)
            throws Exception {
        EndpointService.Result result = approved(endpoints, account, region, host, org.proxyfund.probe.RealServer.freePort());
        long id = result.endpoint().id;
        int port = result.endpoint().port;
        Map<String, String> credential = endpoints.credentialFor(result.endpoint().accountId, id).orElseThrow();
        java.io.File logs = new java.io.File("target/probe-servers");
        logs.mkdirs();
        org.proxyfund.probe.RealServer server = new org.proxyfund.probe.RealServer(List.of("microsocks", "-i", host,
                "-p", String.valueOf(port), "-b", outgoing, "-u", credential.get(org.proxyfund.endpoint.MonitorCredential.USERNAME),
                "-P", credential.get(org.proxyfund.endpoint.MonitorCredential.PASSWORD)), port, new java.io.File(logs, "microsocks-agent.log"),
                () -> {
                    try (java.net.Socket probe = new java.net.Socket()) {
                        probe.connect(new java.net.InetSocketAddress(host, port), 200);
                        return true;
                    } catch (java.io.IOException notYet) {
                        return false;
                    }
                });
        server.start();
        return new Served(id, server, credential);
    }

    static long newAccount(DataSource db) {
        return scalar(db, "INSERT INTO account (handle, password_hash, role, state) VALUES (?, ?, 'OPERATOR', 'APPROVED') RETURNING id",
                "vant-" + UUID.randomUUID().toString().substring(0, 8), "$2a$04$notarealhashnotarealhashnotarealhash");
    }

    static long scalar(DataSource db, String sql, Object... params) {
        List<Object> row = row(db, sql, params);
        return ((Number) row.get(0)).longValue();
    }

    /** The first row of a query as a list of column values (empty when there is none). */
    static List<Object> row(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) st.setObject(i + 1, params[i]);
            if (!sql.stripLeading().toUpperCase().startsWith("SELECT") && !sql.contains("RETURNING")) {
                st.executeUpdate();
                return List.of();
            }
            try (ResultSet rs = st.executeQuery()) {
                List<Object> out = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) out.add(rs.getObject(i));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
