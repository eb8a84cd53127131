package org.proxyfund.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Runs the embedded server in a child JVM so a test can stop or kill that JVM and watch PostgreSQL. Prints
 * {@code URL <jdbc url>} and then {@code PID <postmaster pid>}. With a second argument {@code zonky-trust} it instead
 * makes the data folder the way proxyfund did before it had passwords (zonky's defaults: {@code trust} in
 * pg_hba.conf) and leaves a table {@code kept(v)} holding 42 in it.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("zonky-trust")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
                 Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept(v int); INSERT INTO kept VALUES (42)");
            }
            System.out.println("DONE");
            System.out.flush();
            return;
        }
        String url = EmbeddedPostgresServer.start(dir, false, 0);
        System.out.println("URL " + url);
        System.out.println("PID " + EmbeddedPostgresServer.postmasterPid().orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
