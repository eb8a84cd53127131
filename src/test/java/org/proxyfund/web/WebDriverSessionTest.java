package org.proxyfund.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.common.testing.TestPorts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser session that cannot start leaves nothing behind: the real chromedriver is refused a session (the browser
 * binary it is given does not exist), and the constructor's failure stops that chromedriver and deletes the profile.
 */
@PlainLane
class WebDriverSessionTest {

    @TempDir
    Path dir;

    @Test
    void shouldStopChromedriverAndDeleteTheProfileWhenTheSessionCannotStart() throws Exception {
        WebDriverSession.assumeInstalled();
        int port = TestPorts.listen();
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Path missing = dir.resolve("no-such-browser");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new WebDriverSession(dir.resolve("logs"), missing, port, profiles));

        assertTrue(refused.getMessage().contains("POST /session"), refused.getMessage());
        assertTrue(Files.readString(dir.resolve("logs/chromedriver.log")).contains(Integer.toString(port)),
                "this test's chromedriver ran, on its own port");
        assertTrue(waitUntilNoDriverOn(port), "the chromedriver on port " + port + " is stopped");
        try (Stream<Path> left = Files.list(profiles)) {
            assertEquals(List.of(), left.toList(), "the profile folder is deleted");
        }
    }

    /** Waits up to 30 s for this JVM to have no child process that is a chromedriver on this port. */
    private static boolean waitUntilNoDriverOn(int port) throws InterruptedException {
        String flag = "--port=" + port;
        for (int i = 0; i < 300; i++) {
            boolean running = ProcessHandle.current().children().anyMatch(p -> p.isAlive()
                    && p.info().arguments().map(a -> List.of(a).contains(flag)).orElse(false));
            if (!running) return true;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }
}
