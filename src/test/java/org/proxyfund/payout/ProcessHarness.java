package org.proxyfund.payout;

import io.restassured.response.Response;
import org.bitcoinj.wallet.DeterministicSeed;
import org.proxyfund.common.db.EmbeddedPostgresServer;
import org.proxyfund.common.testing.ServiceProcess;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.testing.RegtestNode;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the process-level payout tests share: one PostgreSQL and one regtest node for several packaged service
 * processes (as replicas run), the configuration they start with, and the steps a donor, the cron job and an admin
 * take, done over HTTP; rows are read and seeded with plain JDBC (the tests have no CDI of their own).
 */
public final class ProcessHarness implements AutoCloseable {

    public static final String TOKEN = "it-trigger-" + UUID.randomUUID();
    public static final String ADMIN = "root-admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-process-tests";
    /** Short epochs so each run's trigger settles a fresh epoch and proposes under a new key. */
    public static final Duration EPOCH = Duration.ofSeconds(10);

    private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public final Path dir = Path.of("target", "it-payout-" + UUID.randomUUID());
    public final String jdbcUrl;
    public final RegtestNode node = RegtestNode.shared();
    private final String mnemonic = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
    private final List<ServiceProcess> started = new ArrayList<>();

    public ProcessHarness() {
        jdbcUrl = EmbeddedPostgresServer.start(dir.resolve("pg"), true, 0);
    }

    /** Starts replica {@code name} (its own wallet folder, the shared mnemonic and database) with extra settings. */
    public ServiceProcess start(String name, Map<String, String> extra) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("quarkus.datasource.jdbc.url", jdbcUrl);
        c.put("quarkus.datasource.username", EmbeddedPostgresServer.user());
        c.put("quarkus.datasource.password", EmbeddedPostgresServer.password());
        c.put("proxyfund.bitcoin.network", "regtest");
        c.put("proxyfund.wallet.enabled", "true");
        c.put("proxyfund.wallet.peers", node.p2pAddress());
        c.put("proxyfund.wallet.data-dir", dir.resolve(name).resolve("wallet").toString());
        c.put("proxyfund.wallet.mnemonic", mnemonic);
        c.put("proxyfund.wallet.passphrase", "process-test-passphrase");
        c.put("proxyfund.wallet.broadcast-timeout", "3s");
        c.put("proxyfund.secrets.key-file", dir.resolve(name).resolve("secrets.key").toString());
        c.put("proxyfund.admin.bootstrap", ADMIN + ":" + ADMIN_PASSWORD);
        c.put("proxyfund.probe.schedule.enabled", "false");
        c.put("proxyfund.probe.canary-bind-host", "127.0.0.1");
        c.put("proxyfund.probe.canary-bind-port", "0");
        // Relaying checks reach the canary only: the processes run offline, Telegram's DCs are not theirs to reach.
        c.put("proxyfund.probe.user-targets", "none");
        c.put("proxyfund.payout.scheduler-enabled", "true");
        c.put("proxyfund.payout.work-every", "1s");
        c.put("proxyfund.payout.trigger-token", TOKEN);
        c.put("proxyfund.settlement.epoch-length", "PT" + EPOCH.toSeconds() + "S");
        c.putAll(extra);
        ServiceProcess p = ServiceProcess.start(name, dir.resolve("logs"), c);
        started.add(p);
        return p;
    }

    /** Donations through the public donate page of {@code s}, paid by the node, then buried under 6 blocks. */
    public void fund(ServiceProcess s, long... amounts) {
        for (long sats : amounts) {
            node.sendToAddress(donationAddress(s), sats);
            node.mine(1);
        }
        node.mine(6);
    }

    /** A donor asks {@code s}'s public donate page for an address; returns the address it handed out. */
    public String donationAddress(ServiceProcess s) {
        WebClient donor = new WebClient().at(s.baseUri());
        donor.get("/donate").then().statusCode(200);
        Response r = donor.post("/donate", "amount", "", "message", "");
        if (r.statusCode() != 303) {
            throw new AssertionError("donation on " + s.name() + " failed: " + r.statusCode() + " " + r.asString());
        }
        String path = URI.create(r.getHeader("Location")).getPath();
        return text("SELECT address FROM donation WHERE id = ?", path.substring(path.lastIndexOf('/') + 1));
    }

    /** An APPROVED operator with a PROVEN payout address owed {@code sats} (as a settlement leaves it); returns its id. */
    public long operatorOwed(String address, long sats) {
        long id = number("INSERT INTO account (handle, password_hash, role, state) VALUES (?, ?, 'OPERATOR', 'APPROVED') RETURNING id",
                "proc-payee" + SEQ.incrementAndGet(), "x".repeat(60));
        number("INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)"
                + " VALUES (?, ?, 'P2WPKH', 'prove this address for the process tests', 'PROVEN', 'BIP322_SIMPLE', now()) RETURNING account_id",
                id, address);
        // one statement: the ledger refuses an entry whose lines do not balance when its transaction commits
        number("WITH e AS (INSERT INTO ledger_entry (kind, reference) VALUES ('SETTLEMENT', ?) RETURNING id)"
                + " INSERT INTO ledger_line (entry_id, account, amount_sats) SELECT e.id, l.account, l.sats FROM e,"
                + " (VALUES ('donations', ?::bigint), (?, ?::bigint)) AS l (account, sats) RETURNING entry_id",
                "process test " + id, sats, "operator_payable:" + id, -sats);
        return id;
    }

    /** Sleeps into the next epoch, so a trigger now has a newly finished epoch to settle and propose for. */
    public static void awaitNextEpoch() {
        long len = EPOCH.toMillis();
        long now = Instant.now().toEpochMilli();
        sleep(len - now % len + 300);
    }

    /** Fires the authenticated HTTP trigger (what the Kubernetes CronJob calls) on {@code s}. */
    public static Response trigger(ServiceProcess s) {
        URI u = URI.create(s.baseUri());
        return given().baseUri("http://" + u.getHost()).port(u.getPort()).header("Authorization", "Bearer " + TOKEN)
                .post("/api/v1/payouts/trigger");
    }

    /** The bootstrapped admin, signed in on {@code s}. */
    public static WebClient admin(ServiceProcess s) {
        WebClient admin = new WebClient().at(s.baseUri());
        Response r = admin.logIn(ADMIN, ADMIN_PASSWORD);
        if (r.statusCode() != 303) {
            throw new AssertionError("admin login on " + s.name() + " failed: " + r.statusCode());
        }
        return admin;
    }

    /** Opens the batch page with {@code admin} and returns the revision its approve form quotes. */
    public static int revisionShown(WebClient admin, long batchId) {
        Matcher m = REVISION.matcher(admin.get("/admin/payouts/" + batchId).then().statusCode(200).extract().asString());
        if (!m.find()) {
            throw new AssertionError("batch " + batchId + " page shows no approve form");
        }
        return Integer.parseInt(m.group(1));
    }

    public String state(long batchId) {
        return text("SELECT state FROM payout_batch WHERE id = ?", batchId);
    }

    public void awaitState(long batchId, String state, Duration timeout) {
        RegtestNode.await("batch " + batchId + " " + state + " (is " + state(batchId) + ")", timeout, () -> state.equals(state(batchId)));
    }

    public long number(String sql, Object... params) {
        Long n = query(sql, params, rs -> rs.getLong(1));
        if (n == null) {
            throw new IllegalStateException("no row for " + sql);
        }
        return n;
    }

    public String text(String sql, Object... params) {
        return query(sql, params, rs -> rs.getString(1));
    }

    public List<Long> numbers(String sql, Object... params) {
        List<Long> found = query(sql, params, rs -> {
            List<Long> out = new ArrayList<>();
            do {
                out.add(rs.getLong(1));
            } while (rs.next());
            return out;
        });
        return found == null ? List.of() : found;
    }

    /** Every address received exactly its amount in exactly one output since {@code fromHeight}, owes nothing more, and the ledger is 0. */
    public void assertPaidOnceOnChain(int fromHeight, Map<String, Long> owed) {
        Map<String, long[]> paid = ChainPayments.received(node, fromHeight, owed.keySet());
        owed.forEach((address, sats) -> {
            long[] got = paid.get(address);
            assertTrue(got != null, address + " was not paid");
            assertEquals(sats, got[0], address + " received exactly its amount");
            assertEquals(1, got[1], address + " was paid by exactly one output");
        });
        owed.forEach((address, sats) -> assertEquals(0, number(
                "SELECT COALESCE(-sum(l.amount_sats), 0) FROM ledger_line l JOIN payout_address p ON l.account = 'operator_payable:' || p.account_id"
                        + " WHERE p.address = ?", address), address + " is owed nothing more"));
        assertEquals(0, number("SELECT COALESCE(sum(amount_sats), 0) FROM ledger_line"), "the ledger sums to zero");
    }

    /** Runs the calls on their own threads, released at the same instant; returns their results in order. */
    @SafeVarargs
    public static <T> List<T> together(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Object[] params, Row<T> row) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.user(), EmbeddedPostgresServer.password()); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row.read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops every process still running (gracefully), then the database. */
    @Override
    public void close() {
        started.forEach(ServiceProcess::close);
        EmbeddedPostgresServer.stop();
    }
}
