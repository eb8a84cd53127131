package org.proxyfund.probe.mtproto;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.CredentialIssuer;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.DownReason;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the running application: the one MTProto checker bean, with its default configuration (Telegram's production key),
 * gets through the fake-TLS handshake with a freshly issued ee secret and then refuses a data centre that is not Telegram.
 */
@QuarkusTest
class MtprotoBeansTest {

    @Inject
    Instance<Checker> checkers;
    @Inject
    MtprotoConfig mtprotoConfig;
    @Inject
    CredentialIssuer issuer;

    @Test
    void shouldBeTheOneMtprotoCheckerAndRefuseADataCentreThatCannotProveTelegramsKey() throws Exception {
        Checker mtproto = checkers.stream().filter(c -> c.type() == EndpointType.MTPROTO).reduce((a, b) -> {
            throw new AssertionError("two checkers claim MTPROTO");
        }).orElseThrow();
        assertEquals(2, mtprotoConfig.dcId(), "default DC");
        assertEquals(0xd09d1d85de64fd85L, TelegramRsaKey.fromPkcs1(mtprotoConfig.serverPublicKeys().getFirst()).fingerprint(),
                "Telegram's production key by default");
        Map<String, String> fields = Map.of(EndpointType.FAKE_TLS_DOMAIN, "cdn.example.org");
        MonitorCredential credential = issuer.issue(EndpointType.MTPROTO,
                new EndpointDraft(EndpointType.MTPROTO, "127.0.0.1", 443, "EU", fields));
        byte[] secret = HexFormat.of().parseHex(credential.get(MonitorCredential.SECRET).orElseThrow());
        try (TestDataCentre dataCentre = new TestDataCentre()) {
            dataCentre.start();
            // Our test DC does not hold Telegram's private key: it lists Telegram's fingerprint and answers noise.
            dataCentre.answer(TestDataCentre.Answer.IMPOSTOR);
            try (TestMtprotoProxy proxy = new TestMtprotoProxy(secret, "cdn.example.org",
                    Map.of((int) mtprotoConfig.dcId(), new InetSocketAddress(InetAddress.getLoopbackAddress(), dataCentre.port())))) {
                proxy.start();
                CheckResult result = mtproto.check(new CheckTarget("127.0.0.1", proxy.port(), fields, credential));
                assertEquals(DownReason.RELAY_FAILED, result.reason(), result.detail());
                assertTrue(result.detail().contains("does not hold Telegram's RSA key"), result.detail());
                assertEquals(1, dataCentre.requests(), "the secret was accepted and the request reached the DC");
            }
        }
    }
}
