package org.proxyfund.endpoint;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.proxyfund.endpoint.HostVerdict.Reason;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF guard against literal addresses of every refused range, names resolving to them, and the allowlist. */
@PlainLane
class HostGuardTest {

    private final HostGuard guard = new HostGuard(new TestEndpointConfig());

    @AfterEach
    void close() {
        guard.close();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.1.2, LOOPBACK", "::1, LOOPBACK", "[::1], LOOPBACK",
            "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "fc00::1, PRIVATE", "fd12:3456::1, PRIVATE", "fec0::1, PRIVATE", "64:ff9b:1::1, PRIVATE",
            "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
            "100.64.0.1, CGNAT", "100.127.255.255, CGNAT",
            "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED", "0.1.2.3, RESERVED",
            "240.0.0.1, RESERVED", "255.255.255.254, RESERVED", "255.255.255.255, BROADCAST",
            "192.0.0.8, RESERVED", "192.88.99.1, RESERVED",
            "192.0.2.1, DOCUMENTATION", "198.51.100.7, DOCUMENTATION", "203.0.113.9, DOCUMENTATION",
            "2001:db8::1, DOCUMENTATION", "3fff::1, DOCUMENTATION",
            "198.18.0.1, BENCHMARK", "198.19.255.1, BENCHMARK", "2001:2::1, BENCHMARK",
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:10.0.0.1, PRIVATE", "::ffff:169.254.169.254, LINK_LOCAL",
            "::127.0.0.1, LOOPBACK", "::8.8.8.8, RESERVED",
            "64:ff9b::10.0.0.1, PRIVATE", "64:ff9b::7f00:1, LOOPBACK", "2002:c0a8:101::1, PRIVATE",
            "2001::1, RESERVED", "100::1, RESERVED", "5f00::1, RESERVED", "4000::1, RESERVED"
    })
    void shouldRefuseLiteralAddressesOfEveryNonPublicRange(String host, Reason reason) {
        HostVerdict verdict = guard.check(host);
        assertFalse(verdict.allowed(), host + " should be refused");
        assertEquals(reason, verdict.reason(), verdict.message());
        assertTrue(verdict.message().contains(" is ") || verdict.message().contains("resolves"), verdict.message());
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.0.1", "172.32.0.1", "198.20.0.1",
            "2606:4700:4700::1111", "[2a00:1450:4001::200e]", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:0808:0808::1"})
    void shouldAllowPublicLiteralAddresses(String host) {
        HostVerdict verdict = guard.check(host);
        assertTrue(verdict.allowed(), () -> host + ": " + verdict.message());
        assertEquals(1, verdict.addresses().size());
    }

    @Test
    void shouldRefuseNamesThatResolveToLoopbackAndSayWhichAddress() {
        HostVerdict verdict = guard.check("localhost");
        assertFalse(verdict.allowed());
        assertEquals(Reason.LOOPBACK, verdict.reason());
        assertTrue(verdict.message().startsWith("localhost resolves to "), verdict.message());
        assertTrue(verdict.message().contains("loopback"), verdict.message());
    }

    @Test
    void shouldRefuseNameResolvingToAPrivateAddressThroughTheHostsFile() throws Exception {
        // The machine's own host name resolves (through /etc/hosts) to a loopback or private address.
        String own = InetAddress.getLocalHost().getHostName();
        InetAddress resolved = InetAddress.getAllByName(own)[0];
        org.junit.jupiter.api.Assumptions.assumeTrue(AddressClassifier.classify(resolved) != null,
                "this machine's name resolves to a public address");
        HostVerdict verdict = guard.check(own);
        assertFalse(verdict.allowed(), verdict::toString);
        assertTrue(verdict.message().contains(resolved.getHostAddress()), verdict.message());
    }

    @Test
    void shouldRefuseUnresolvableNames() {
        HostVerdict verdict = guard.check("no-such-host.invalid");
        assertEquals(Reason.UNRESOLVABLE, verdict.reason());
        assertTrue(verdict.message().contains("no-such-host.invalid"));
    }

    @Test
    void shouldRefuseNonStandardNumericForms() {
        assertEquals(Reason.MALFORMED, guard.check("127.1").reason());
        assertEquals(Reason.MALFORMED, guard.check("2130706433").reason());
        assertEquals(Reason.MALFORMED, guard.check("0177.0.0.1").reason());
        assertEquals(Reason.MALFORMED, guard.check("fe80::1%eth0").reason());
    }

    @Test
    void shouldRefuseTextThatIsNeitherANameNorAnAddress() {
        assertEquals(Reason.MALFORMED, guard.check("http://example.org").reason());
        assertEquals(Reason.MALFORMED, guard.check("example.org:80").reason());
        assertEquals(Reason.MALFORMED, guard.check("").reason());
    }

    @Test
    void shouldLetAllowlistedAddressesAndRangesThrough() {
        HostGuard dev = new HostGuard(new TestEndpointConfig("127.0.0.1", "10.0.0.0/8", "fd00::/8"));
        try {
            assertTrue(dev.check("127.0.0.1").allowed());
            assertTrue(dev.check("10.200.1.1").allowed());
            assertTrue(dev.check("fd00::5").allowed());
            assertFalse(dev.check("127.0.0.2").allowed());
            assertFalse(dev.check("192.168.0.1").allowed());
            // localhost also resolves to ::1 on most systems, which is not allowlisted here
            HostVerdict localhost = dev.check("localhost");
            boolean onlyV4 = localhost.addresses().stream().allMatch(a -> a.getAddress().length == 4);
            assertEquals(onlyV4, localhost.allowed(), localhost::toString);
        } finally {
            dev.close();
        }
    }

    @Test
    void shouldLetAnAllowlistedNameThroughWhateverItResolvesTo() {
        HostGuard dev = new HostGuard(new TestEndpointConfig("LocalHost"));
        try {
            HostVerdict verdict = dev.check("localhost");
            assertTrue(verdict.allowed(), verdict::toString);
            assertTrue(verdict.addresses().stream().allMatch(InetAddress::isLoopbackAddress));
            assertFalse(dev.check("127.0.0.1").allowed(), "the name is allowed, not every loopback address");
        } finally {
            dev.close();
        }
    }

    @Test
    void shouldGiveTheSameAnswersToManyThreadsAtOnce() throws Exception {
        String[] hosts = {"8.8.8.8", "10.0.0.1", "localhost", "::1", "2606:4700:4700::1111", "169.254.169.254"};
        boolean[] expected = {true, false, false, false, true, false};
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 600; i++) {
                int k = i % hosts.length;
                answers.add(pool.submit(() -> guard.check(hosts[k]).allowed() == expected[k]));
            }
            for (var answer : answers) assertTrue(answer.get());
        }
    }

    @Test
    void shouldRefuseAMalformedAllowlistEntryAtStartup() {
        try {
            new HostGuard(new TestEndpointConfig("10.0.0.0/33"));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("10.0.0.0/33"));
            return;
        }
        throw new AssertionError("expected the bad CIDR to be refused");
    }
}
