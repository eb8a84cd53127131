package org.proxyfund.common.testing;

/**
 * Which of the test run's JVMs this one is (docs/testing.md, "Two JVMs"). Surefire numbers its forks from 1 and passes
 * the number as {@value #PROPERTY}; a JVM without it (a targeted run, failsafe) is number 1. Files and ports two JVMs
 * could both claim carry the number, so the JVMs never share a database folder, a secrets key or a listening port.
 */
public final class TestJvm {

    public static final String PROPERTY = "proxyfund.test.jvm";

    private TestJvm() {
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
