package org.proxyfund.audit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.bitcoinj.wallet.DeterministicSeed;
import org.proxyfund.common.db.EmbeddedPostgresServer;
import org.proxyfund.common.testing.TestJvm;
import org.proxyfund.wallet.testing.RegtestNode;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A wallet and a database of their own on the shared regtest node and embedded PostgreSQL: a fresh mnemonic (so no
 * other test's payments reach its addresses) and a fresh database (so no other test's rows count), for tests that
 * compare the service's totals with the whole chain.
 */
public class FreshChainResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return freshDatabaseAndWallet("fresh");
    }

    /**
     * The configuration of a fresh database on the tests' embedded PostgreSQL and a fresh hot wallet on the shared
     * regtest node; {@code name} marks the database, the wallet's folder and passphrase. A mutable map, for profiles
     * that add keys of their own.
     */
    public static Map<String, String> freshDatabaseAndWallet(String name) {
        RegtestNode node = RegtestNode.shared();
        // the same folder as the tests' default, so this JVM keeps one server whichever profile starts it first
        String server = EmbeddedPostgresServer.start(Path.of(TestJvm.embeddedDbDir()), true, 0);
        String database = "pf19a_" + name + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(server, EmbeddedPostgresServer.user(), EmbeddedPostgresServer.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the " + name + " test database", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", server.replaceFirst("/postgres(\\?|$)", "/" + database + "$1"));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.user());
        config.put("quarkus.datasource.password", EmbeddedPostgresServer.password());
        config.put("proxyfund.wallet.enabled", "true");
        config.put("proxyfund.wallet.peers", node.p2pAddress());
        config.put("proxyfund.wallet.data-dir", "target/wallet-" + name + "-" + UUID.randomUUID());
        config.put("proxyfund.wallet.mnemonic", DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString());
        config.put("proxyfund.wallet.passphrase", name + "-" + UUID.randomUUID());
        config.put("proxyfund.wallet.broadcast-timeout", "3s");
        return config;
    }

    @Override
    public void stop() {
        // the database is dropped with the server's folder at the next run; the node is shared
    }
}
