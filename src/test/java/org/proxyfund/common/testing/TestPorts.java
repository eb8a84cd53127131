package org.proxyfund.common.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * Ports tests register endpoints at, unique within the test JVM. Both ranges lie above the system's ephemeral range
 * (32768-60999 on Linux), from which port-0 sockets and outgoing connections take their ports, and above the
 * 20000-32000 some tests pick from at random: a port handed out here is never handed out again in this JVM, so two
 * tests never claim one host:port (endpoints that a test leaves registered keep their address for good). The counters
 * live in the system properties because Quarkus loads test classes again for each test profile, and a static would
 * start over. The test run's two JVMs ({@link TestJvm}) listen in ranges of their own, so a port one JVM found free
 * is not bound by the other a moment later; ports nothing listens at may repeat between them, as each has its own
 * database.
 */
public final class TestPorts {

    private static final String ENDPOINT_KEY = "proxyfund.test.next-endpoint-port";
    private static final String LISTEN_KEY = "proxyfund.test.next-listen-port";
    private static final int LISTEN_FIRST = 61000;
    private static final int LISTEN_END = 63000;
    /** Where the second JVM's listening range begins: the first JVM runs most of the tests with servers of their own. */
    private static final int SECOND_JVM_FIRST = 62400;

    private TestPorts() {
    }

    /** The first of {@code count} consecutive ports nobody else in this JVM gets; nothing needs to listen there. */
    public static int block(int count) {
        return next(ENDPOINT_KEY, LISTEN_END, count);
    }

    /** A port for a server the test starts itself: free now, never given to another test in this JVM. */
    public static int listen() {
        int jvm = TestJvm.number();
        if (jvm > 2) {
            throw new IllegalStateException("test ports are split between two JVMs; this is JVM " + jvm);
        }
        int first = jvm == 1 ? LISTEN_FIRST : SECOND_JVM_FIRST;
        int end = jvm == 1 ? SECOND_JVM_FIRST : LISTEN_END;
        while (true) {
            int port = next(LISTEN_KEY, first, 1);
            if (port >= end) {
                throw new IllegalStateException("out of test ports for servers in JVM " + jvm + ": " + first + "-" + end);
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // held by something outside this JVM: take the next
            }
        }
    }

    private static int next(String key, int first, int count) {
        Properties p = System.getProperties();
        synchronized (p) {
            int next = Integer.parseInt(p.getProperty(key, Integer.toString(first)));
            p.setProperty(key, Integer.toString(next + count));
            return next;
        }
    }
}
