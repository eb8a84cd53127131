package org.proxyfund.common.db;

import java.nio.file.Path;

/** Runs the embedded server in a child JVM so a test can stop or kill that JVM and watch PostgreSQL. */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer.start(Path.of(args[0]), false, 0);
        System.out.println("PID " + EmbeddedPostgresServer.postmasterPid().orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
