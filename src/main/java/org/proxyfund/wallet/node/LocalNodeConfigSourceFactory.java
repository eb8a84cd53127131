package org.proxyfund.wallet.node;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts the local regtest node ({@link LocalNode}) when {@code proxyfund.local-node.enabled} is on (the dev profile;
 * refused in the prod profile and on other networks than regtest),
 * before the wallet reads its configuration, and points the wallet at it: {@code proxyfund.wallet.enabled} (true
 * only when the node could start), {@code peers}, and the node's RPC for fee estimates. Anything configured
 * explicitly wins (this source sits below application.properties and the environment).
 */
public class LocalNodeConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(LocalNodeConfigSourceFactory.class);
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (insideMavenBuild() || !Boolean.parseBoolean(string(context, "proxyfund.local-node.enabled", "false"))) {
            return List.of();
        }
        if (context.getProfiles().contains("prod") || !"regtest".equals(string(context, "proxyfund.bitcoin.network", "regtest"))) {
            LOG.warn("proxyfund.local-node.enabled is ignored: a local node runs only on regtest, never in the prod profile");
            return List.of();
        }
        if (!string(context, "proxyfund.wallet.peers", "").isBlank()) {
            return List.of(); // the wallet is pointed at a node already
        }
        Path dir = Path.of(string(context, "proxyfund.local-node.data-dir", ".proxyfund/bcoin"));
        Path bcoin = Path.of(string(context, "proxyfund.local-node.bcoin", "tools/bcoin/node_modules/.bin/bcoin"));
        return switch (LocalNode.start(dir, bcoin)) {
            case LocalNode.StartResult.Started s -> List.of(source(Map.of(
                    "proxyfund.wallet.enabled", "true",
                    "proxyfund.wallet.peers", s.node().p2pAddress(),
                    "proxyfund.wallet.rpc-url", s.node().rpcUrl(),
                    "proxyfund.wallet.rpc-user", "proxyfund",
                    "proxyfund.wallet.rpc-password", s.node().apiKey())));
            case LocalNode.StartResult.Unavailable u -> List.of(source(Map.of("proxyfund.wallet.enabled", "false")));
        };
    }

    private static ConfigSource source(Map<String, String> values) {
        return new PropertiesConfigSource(values, "proxyfund-local-node", ORDINAL);
    }

    /** Quarkus also reads configuration inside Maven's JVM while it builds ({@code ./mvnw package}): no node there. */
    private static boolean insideMavenBuild() {
        return System.getProperty("classworlds.conf") != null;
    }

    private static String string(ConfigSourceContext context, String key, String dflt) {
        ConfigValue v = context.getValue(key);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? dflt : v.getValue();
    }
}
