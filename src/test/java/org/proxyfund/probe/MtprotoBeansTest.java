package org.proxyfund.probe;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.CredentialIssuer;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.mtproto.TestDataCentre;
import org.proxyfund.probe.mtproto.TestMtprotoProxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In the running application: the MTProto checker bean, with its default configuration, checks a freshly issued ee secret. */
@QuarkusTest
class MtprotoBeansTest {

    @Inject
    Instance<Checker> checkers;
    @Inject
    MtprotoConfig mtprotoConfig;
    @Inject
    CredentialIssuer issuer;

    @Test
    void shouldBeTheOneMtprotoCheckerAndPassAgainstAProxyConfiguredWithTheIssuedSecret() throws Exception {
        Checker mtproto = checkers.stream().filter(c -> c.type() == EndpointType.MTPROTO).reduce((a, b) -> {
            throw new AssertionError("two checkers claim MTPROTO");
        }).orElseThrow();
        assertEquals(2, mtprotoConfig.dcId(), "default DC");
        Map<String, String> fields = Map.of(EndpointType.FAKE_TLS_DOMAIN, "cdn.example.org");
        MonitorCredential credential = issuer.issue(EndpointType.MTPROTO,
                new EndpointDraft(EndpointType.MTPROTO, "127.0.0.1", 443, "EU", fields));
        byte[] secret = HexFormat.of().parseHex(credential.get(MonitorCredential.SECRET).orElseThrow());
        try (TestDataCentre dataCentre = new TestDataCentre()) {
            dataCentre.start();
            try (TestMtprotoProxy proxy = new TestMtprotoProxy(secret, "cdn.example.org",
                    Map.of((int) mtprotoConfig.dcId(), new InetSocketAddress(InetAddress.getLoopbackAddress(), dataCentre.port())))) {
                proxy.start();
                CheckResult result = mtproto.check(new CheckTarget("127.0.0.1", proxy.port(), fields, credential));
                assertEquals(CheckStatus.UP, result.status(), result.detail());
                assertEquals(1, dataCentre.requests());
            }
        }
    }
}
