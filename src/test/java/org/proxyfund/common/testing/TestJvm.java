package org.proxyfund.common.testing;

import java.util.List;

/**
 * Which of the test run's JVMs this one is (docs/testing.md, "Two JVMs"). Surefire numbers its forks from 1 and passes
 * the number as {@value #PROPERTY}; a JVM without it (a targeted run, failsafe) is number 1. Files and ports two JVMs
 * could both claim carry the number, so the JVMs never share a database folder, a secrets key or a listening port.
 */
public final class TestJvm {

    public static final String PROPERTY = "proxyfund.test.jvm";

    /**
     * The JIT and collector settings of the test JVMs ({@code test.jvm.args} in pom.xml), for the short-lived child
     * JVMs a test starts: C2 and G1 cost a child that lives a few seconds more CPU than they save (docs/testing.md).
     */
    public static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private TestJvm() {
    }

    /** A command line that runs {@code mainClass} in a child JVM with this JVM's java, class path and {@link #CHILD_JVM_OPTIONS}. */
    public static List<String> childCommand(Class<?> mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    public static int number() {
        return Integer.getInteger(PROPERTY, 1);
    }

    /** This JVM's embedded PostgreSQL folder: the one {@code %test.proxyfund.embedded-db.data-dir} names. */
    public static String embeddedDbDir() {
        return "target/embedded-pg-test-" + number();
    }

    /** This JVM's secrets key file: the one {@code %test.proxyfund.secrets.key-file} names. */
    public static String secretsKeyFile() {
        return "target/test-secrets-" + number() + ".key";
    }
}
