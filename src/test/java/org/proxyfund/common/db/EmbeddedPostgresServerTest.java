package org.proxyfund.common.db;

import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.common.testing.TestJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default leaves no PostgreSQL behind, whether the service stops or is killed. */
@PlainLane
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void shouldStopPostgresWhenTheServiceStops() throws Exception {
        Process child = startChild(dir.resolve("pg"));
        long pid = readPid(child);
        assertTrue(ProcessHandle.of(pid).isPresent(), "postgres runs while the service runs");

        child.destroy(); // SIGTERM, as Ctrl-C or Kubernetes would send
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(waitGone(pid), "postgres stopped with the service");
    }

    @Test
    void shouldStopAnOrphanLeftByAKilledServiceAndKeepItsData() throws Exception {
        Path pg = dir.resolve("pg");
        Process first = startChild(pg);
        long orphan = readPid(first);
        first.destroyForcibly(); // SIGKILL: no shutdown hook runs, postgres is orphaned
        first.waitFor(30, TimeUnit.SECONDS);
        assertTrue(ProcessHandle.of(orphan).isPresent(), "a killed JVM leaves postgres running");

        Process second = startChild(pg);
        long next = readPid(second);
        assertNotEquals(orphan, next);
        assertTrue(waitGone(orphan), "the orphan was stopped before the new server started");
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertTrue(waitGone(next));
    }

    private static Process startChild(Path dataDir) throws Exception {
        return new ProcessBuilder(TestJvm.childCommand(EmbeddedPostgresChild.class, dataDir.toString()))
                .redirectErrorStream(true).start();
    }

    private static long readPid(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PID ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Long.parseLong(line.substring(4).trim());
            }
            seen.append(line).append('\n');
        }
        assertFalse(true, "child exited without starting postgres:\n" + seen);
        return -1;
    }

    private static boolean waitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return true;
            }
            Thread.sleep(100);
        }
        assertEquals(0, 1, "process " + pid + " still alive");
        return false;
    }
}
