package org.proxyfund.common.testing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/**
 * A Quarkus test's LogRecorder leaves out what a plain-lane thread logs, although the plain lane marks its threads in
 * the system class loader's copy of PlainLaneThreads and this test runs in Quarkus' class loader (PayoutFaultTest's
 * warnings once reached EndpointRaceTest's recorder that way).
 */
@QuarkusTest
class LogRecorderTest {

    @Test
    void shouldLeaveOutWhatAThreadMarkedByThePlainLaneLogs() throws Exception {
        Class<?> home = Class.forName(PlainLaneThreads.class.getName(), true, ClassLoader.getSystemClassLoader());
        assertNotSame(home, PlainLaneThreads.class, "Quarkus loads this test's classes in a class loader of its own");
        Logger logger = Logger.getLogger("org.proxyfund.lanes");
        try (LogRecorder log = new LogRecorder()) {
            Thread plain = new Thread(() -> {
                try {
                    home.getMethod("mark", Boolean.class).invoke(null, Boolean.TRUE);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                logger.warning("from the plain lane");
                Thread child = new Thread(() -> logger.warning("from a thread the plain lane started"));
                child.start();
                try {
                    child.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            plain.start();
            plain.join();
            logger.warning("from the main lane");
            assertEquals(List.of("WARNING org.proxyfund.lanes from the main lane"), log.suspicious());
        }
    }
}
