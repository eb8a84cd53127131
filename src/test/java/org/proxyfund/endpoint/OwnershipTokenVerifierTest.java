package org.proxyfund.endpoint;

import org.proxyfund.common.testing.PlainLane;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.OwnershipCheck.Method;
import org.proxyfund.endpoint.OwnershipCheck.Outcome;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenVPN ownership token found (or not) in a real DNS server's TXT record and on a real HTTP server. */
@PlainLane
class OwnershipTokenVerifierTest {

    static final String TOKEN = "proxyfund-00112233445566778899aabbccddeeff";
    private HttpServer http;
    private TinyDnsServer dns;
    private HostGuard guard;
    private OwnershipTokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/.well-known/proxyfund/" + TOKEN, exchange -> {
            byte[] body = (TOKEN + "\n").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.createContext("/.well-known/proxyfund/proxyfund-redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        http.start();
        dns = new TinyDnsServer();
        TestEndpointConfig config = new TestEndpointConfig(List.of("127.0.0.1"), Optional.of(dns.address()));
        guard = new HostGuard(config);
        verifier = new OwnershipTokenVerifier(guard, config);
    }

    @AfterEach
    void stop() throws Exception {
        http.stop(0);
        dns.close();
        guard.close();
    }

    private int port() {
        return http.getAddress().getPort();
    }

    @Test
    void shouldFindTheTokenAtTheWellKnownUrl() {
        OwnershipCheck check = verifier.verifyHttp("127.0.0.1", port(), TOKEN);
        assertEquals(Outcome.VERIFIED, check.outcome(), check.message());
        assertEquals(Method.HTTP_WELL_KNOWN, check.method());
    }

    @Test
    void shouldNotFindAnotherTokenOrFollowRedirects() {
        OwnershipCheck other = verifier.verifyHttp("127.0.0.1", port(), "proxyfund-ffffffffffffffffffffffffffffffff");
        assertEquals(Outcome.NOT_FOUND, other.outcome());
        assertTrue(other.message().contains("404"), other.message());
        assertEquals(Outcome.NOT_FOUND, verifier.verifyHttp("127.0.0.1", port(), "proxyfund-redirect").outcome());
    }

    @Test
    void shouldRefuseToFetchFromAPrivateHost() {
        OwnershipCheck check = verifier.verifyHttp("10.0.0.1", 80, TOKEN);
        assertEquals(Outcome.HOST_REFUSED, check.outcome());
        assertTrue(check.message().contains("10.0.0.1"));
        HostGuard strict = new HostGuard(new TestEndpointConfig());
        try {
            OwnershipCheck local = new OwnershipTokenVerifier(strict, new TestEndpointConfig()).verifyHttp("localhost", port(), TOKEN);
            assertEquals(Outcome.HOST_REFUSED, local.outcome(), "the token is served, but loopback is not allowlisted here");
        } finally {
            strict.close();
        }
    }

    @Test
    void shouldReportAClosedPortAsUnreachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertEquals(Outcome.UNREACHABLE, verifier.verifyHttp("127.0.0.1", closed, TOKEN).outcome());
    }

    @Test
    void shouldFindTheTokenInTheTxtRecord() {
        dns.putTxt("_proxyfund.vpn.example.org", TOKEN);
        OwnershipCheck check = verifier.verifyDns("vpn.example.org", TOKEN);
        assertEquals(Outcome.VERIFIED, check.outcome(), check.message());
        assertEquals(Method.DNS_TXT, check.method());
        assertTrue(verifier.verify("vpn.example.org", TOKEN).verified());
    }

    @Test
    void shouldNotAcceptAnotherTxtValueOrAMissingName() {
        dns.putTxt("_proxyfund.vpn.example.org", "proxyfund-somebody-else");
        assertEquals(Outcome.NOT_FOUND, verifier.verifyDns("vpn.example.org", TOKEN).outcome());
        OwnershipCheck missing = verifier.verifyDns("other.example.org", TOKEN);
        assertEquals(Outcome.NOT_FOUND, missing.outcome(), missing.message());
        assertTrue(missing.message().contains("_proxyfund.other.example.org"), missing.message());
    }
}
