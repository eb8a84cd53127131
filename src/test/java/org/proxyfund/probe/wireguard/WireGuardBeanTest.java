package org.proxyfund.probe.wireguard;

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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In the running application: the WireGuard checker bean, with its configuration defaults, checks a real wireguard-go. */
@QuarkusTest
class WireGuardBeanTest {

    @Inject
    WireGuardChecker checker;
    @Inject
    CredentialIssuer issuer;

    @Test
    void shouldCheckARealWireGuardServerWithAFreshlyIssuedMonitorKey() throws Exception {
        MonitorCredential credential = issuer.issue(EndpointType.WIREGUARD,
                new EndpointDraft(EndpointType.WIREGUARD, "127.0.0.1", 51820, "EU", Map.of()));
        try (WireGuardServer server = new WireGuardServer(WireGuardCheckerTest.DIR)) {
            server.peer(WireGuardCheckerTest.publicKey(credential), "10.215.0.2", null).start();
            CheckResult result = checker.check(new CheckTarget("127.0.0.1", server.port(),
                    Map.of(EndpointType.SERVER_PUBLIC_KEY, server.publicKey()), credential));
            assertEquals(CheckStatus.UP, result.status(), result.detail());
            assertEquals(EndpointType.WIREGUARD, checker.type());
        }
    }
}
