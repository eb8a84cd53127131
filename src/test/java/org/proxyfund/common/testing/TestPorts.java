package org.proxyfund.common.testing;

import java.util.Properties;

/**
 * Ports for endpoints that tests register on 127.0.0.1 (nothing listens there): unique within the test JVM and above
 * the 20000-40000 other tests pick from at random, so two tests never claim one host:port. The counter lives in the
 * system properties because Quarkus loads test classes again for each test profile, and a static would start over.
 */
public final class TestPorts {

    private static final String KEY = "proxyfund.test.next-endpoint-port";

    private TestPorts() {
    }

    /** The first of {@code count} consecutive ports nobody else in this JVM gets. */
    public static int block(int count) {
        Properties p = System.getProperties();
        synchronized (p) {
            int next = Integer.parseInt(p.getProperty(KEY, "45000"));
            p.setProperty(KEY, Integer.toString(next + count));
            return next;
        }
    }
}
