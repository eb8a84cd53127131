package org.proxyfund.architecture;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two test lanes stay what docs/testing.md says: every test class that does not start the application runs in the
 * {@link PlainLane} beside the Quarkus tests, unless it is named in {@link #MAIN_LANE} with its reason, and no class
 * that starts the application is in the plain lane (Quarkus tests must run one at a time, grouped by profile).
 */
@PlainLane
class LanesTest {

    private static final Path TESTS = Path.of("src/test/java/org/proxyfund");

    /** Plain test classes kept in the main lane, each with the reason it must not run beside the application's tests. */
    private static final Map<String, String> MAIN_LANE = Map.of(
            "WalletSecretsTest", "starts bitcoinj wallet runtimes, and bitcoinj keeps a per-JVM context the service's wallet uses too",
            "SecretFilesTest", "starts bitcoinj wallet runtimes, and bitcoinj keeps a per-JVM context the service's wallet uses too");

    @Test
    void shouldPutEveryPlainTestClassInThePlainLaneAndNoQuarkusTest() {
        Set<String> outside = new TreeSet<>();
        Set<String> wronglyInside = new TreeSet<>();
        int plain = 0;
        for (Map.Entry<String, String> e : JavaSources.under(TESTS).entrySet()) {
            String file = e.getKey();
            String text = e.getValue();
            if (!file.endsWith("Test.java") || text.contains("abstract class")) {
                continue;
            }
            boolean quarkus = text.contains("@QuarkusTest") || text.contains("@QuarkusIntegrationTest")
                    || text.contains("@QuarkusMainTest");
            boolean marked = text.contains("\n@PlainLane");
            String name = file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
            if (quarkus && marked) wronglyInside.add(file);
            if (!quarkus) plain++;
            if (!quarkus && !marked && !MAIN_LANE.containsKey(name)) outside.add(file);
        }
        assertTrue(plain > 50, "found the plain test classes: " + plain);
        assertEquals(Set.of(), wronglyInside, "Quarkus tests must not run in the plain lane");
        assertEquals(Set.of(), outside, "plain test classes neither in the plain lane nor named in MAIN_LANE with a reason");
    }
}
