package org.proxyfund.common.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Supplies the datasource URL of an embedded PostgreSQL when none is configured.
 *
 * <p>This is the "embedded default": {@code ./mvnw quarkus:dev}, the packaged jar and the tests all
 * get a real PostgreSQL without installing one. Setting {@code QUARKUS_DATASOURCE_JDBC_URL} (as in
 * Kubernetes) or {@code proxyfund.embedded-db.enabled=false} switches it off.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";
    /** Below application.properties (250) and env (300), so any configured value wins. */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (insideMavenBuild() || isSet(context, URL_KEY) || !bool(context, "proxyfund.embedded-db.enabled", true)) {
            return List.of();
        }
        Path dir = Path.of(string(context, "proxyfund.embedded-db.data-dir", ".proxyfund/pgdata"));
        boolean clean = bool(context, "proxyfund.embedded-db.clean", false);
        int port = Integer.parseInt(string(context, "proxyfund.embedded-db.port", "0"));
        String url = EmbeddedPostgresServer.start(dir, clean, port);
        return List.of(new PropertiesConfigSource(Map.of(
                URL_KEY, url,
                "quarkus.datasource.username", EmbeddedPostgresServer.user(),
                "quarkus.datasource.password", EmbeddedPostgresServer.password()), "proxyfund-embedded-postgres", ORDINAL));
    }

    /**
     * Quarkus also reads configuration while it builds the application inside Maven's own JVM
     * ({@code ./mvnw package}); no database is wanted there. Maven's launcher sets classworlds.conf;
     * the JVMs that run the service (dev mode, tests, the jar) do not.
     */
    private static boolean insideMavenBuild() {
        return System.getProperty("classworlds.conf") != null;
    }

    private static boolean isSet(ConfigSourceContext context, String key) {
        ConfigValue v = context.getValue(key);
        return v != null && v.getValue() != null && !v.getValue().isBlank();
    }

    private static String string(ConfigSourceContext context, String key, String dflt) {
        ConfigValue v = context.getValue(key);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? dflt : v.getValue();
    }

    private static boolean bool(ConfigSourceContext context, String key, boolean dflt) {
        return Boolean.parseBoolean(string(context, key, Boolean.toString(dflt)));
    }
}
