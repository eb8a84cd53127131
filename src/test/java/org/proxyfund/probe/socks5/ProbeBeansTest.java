package org.proxyfund.probe.socks5;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.CredentialIssuer;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.canary.Canary;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the running application: the canary is up on the test profile's port, and the SOCKS5 bean checks a real microsocks. */
@QuarkusTest
class ProbeBeansTest {

    @Inject
    Canary canary;
    @Inject
    Socks5Checker socks5;
    @Inject
    CredentialIssuer issuer;

    @Test
    void shouldCheckARealProxyWithAFreshlyIssuedCredentialThroughTheApplicationsCanary() throws Exception {
        assertTrue(canary.isRunning());
        int port = RealServer.freePort();
        MonitorCredential credential = issuer.issue(EndpointType.SOCKS5, draft(port));
        RealProxyContract.LOGS.mkdirs();
        try (RealServer server = new RealServer(List.of("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-u", credential.get(MonitorCredential.USERNAME).orElseThrow(),
                "-P", credential.get(MonitorCredential.PASSWORD).orElseThrow()),
                port, new File(RealProxyContract.LOGS, "microsocks-app.log")).start()) {
            CheckResult result = socks5.check(new CheckTarget("127.0.0.1", port, credential));
            assertEquals(CheckStatus.UP, result.status(), result.detail());
        }
    }

    private static EndpointDraft draft(int port) {
        return new EndpointDraft(EndpointType.SOCKS5, "127.0.0.1", port, "EU", java.util.Map.of());
    }
}
