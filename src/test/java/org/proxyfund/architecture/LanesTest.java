package org.proxyfund.architecture;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.common.testing.WalletJvmSuite;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two test lanes stay what docs/testing.md says: every test class that does not start the application runs in the
 * {@link PlainLane} beside the Quarkus tests, unless it is named in {@link #MAIN_LANE} with its reason, and no class
 * that starts the application is in the plain lane (Quarkus tests must run one at a time, grouped by profile). Of the
 * two JVMs, the second ({@link WalletJvmSuite}) takes only Quarkus tests with a profile of their own, and no test
 * profile is started in both: each JVM builds the application once for every profile it starts.
 */
@PlainLane
class LanesTest {

    private static final Path TESTS = Path.of("src/test/java/org/proxyfund");
    private static final Pattern PROFILE = Pattern.compile("\n@TestProfile\\(([\\w.]+)\\.class\\)");

    /** Plain test classes kept in the main lane, each with the reason it must not run beside the application's tests. */
    private static final Map<String, String> MAIN_LANE = Map.of(
            "WalletSecretsTest", "starts bitcoinj wallet runtimes, and bitcoinj keeps a per-JVM context the service's wallet uses too",
            "SecretFilesTest", "starts bitcoinj wallet runtimes, and bitcoinj keeps a per-JVM context the service's wallet uses too");

    @Test
    void shouldPutEveryPlainTestClassInThePlainLaneAndNoQuarkusTest() {
        Set<String> outside = new TreeSet<>();
        Set<String> wronglyInside = new TreeSet<>();
        int plain = 0;
        for (Map.Entry<String, String> e : testClasses().entrySet()) {
            String file = e.getKey();
            String text = e.getValue();
            boolean quarkus = quarkus(text);
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

    @Test
    void shouldStartEachTestProfileInOneJvmOnlyAndKeepPlainTestsAndTheDefaultProfileInTheFirst() {
        Map<String, Set<String>> jvmsByProfile = new TreeMap<>();
        Set<String> misplaced = new TreeSet<>();
        int second = 0;
        for (Map.Entry<String, String> e : testClasses().entrySet()) {
            String file = e.getKey();
            String text = e.getValue();
            String name = file.substring(0, file.length() - ".java".length()).replace('/', '.');
            boolean walletJvm = Pattern.matches(WalletJvmSuite.CLASSES, "org.proxyfund." + name);
            if (!quarkus(text)) {
                if (walletJvm) misplaced.add(file + " (not a Quarkus test)");
                continue;
            }
            Matcher m = PROFILE.matcher(text);
            String profile = m.find() ? m.group(1) : "the default profile";
            if (walletJvm && profile.equals("the default profile")) misplaced.add(file + " (default profile)");
            if (walletJvm) second++;
            jvmsByProfile.computeIfAbsent(profile, k -> new TreeSet<>()).add(walletJvm ? "second" : "first");
        }
        assertTrue(second >= 10, "found the second JVM's classes: " + second);
        assertEquals(Set.of(), misplaced, "only Quarkus tests with a profile of their own go to the second JVM");
        Map<String, Set<String>> both = new TreeMap<>(jvmsByProfile);
        both.values().removeIf(jvms -> jvms.size() < 2);
        assertEquals(Map.of(), both, "a test profile started in both JVMs is built twice: list all its classes in WalletJvmSuite.CLASSES or none");
    }

    @Test
    void shouldTagEveryIntegrationTestLongSinceOnlyTheLongBuildRunsFailsafe() {
        Set<String> untagged = new TreeSet<>();
        int its = 0;
        for (Map.Entry<String, String> e : JavaSources.under(TESTS).entrySet()) {
            if (e.getKey().endsWith("IT.java") && !e.getValue().contains("abstract class")) {
                its++;
                if (!e.getValue().contains("@Tag(\"long\")")) untagged.add(e.getKey());
            }
        }
        assertTrue(its >= 5, "found the integration tests: " + its);
        assertEquals(Set.of(), untagged, "the default build skips failsafe (skipITs in pom.xml): an IT must carry @Tag(\"long\")");
    }

    /**
     * The test classes the two suites select, by file under {@link #TESTS} with their text: benchmarks and ITs run by
     * name (-Pbench, failsafe), outside the suites.
     */
    private static Map<String, String> testClasses() {
        Map<String, String> classes = new TreeMap<>(JavaSources.under(TESTS));
        classes.entrySet().removeIf(e -> !e.getKey().endsWith("Test.java") || e.getValue().contains("abstract class"));
        return classes;
    }

    private static boolean quarkus(String text) {
        return text.contains("@QuarkusTest") || text.contains("@QuarkusIntegrationTest") || text.contains("@QuarkusMainTest");
    }
}
