package org.proxyfund.probe.relay;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.httpconnect.HttpConnectChecker;
import org.proxyfund.probe.mtproto.TestDataCentre;
import org.proxyfund.probe.mtproto.TestDhResponder;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pass guide with user targets configured, as production has Telegram's data centres: a test data centre on
 * loopback (proving the test RSA key) is listed on the page next to the canary, and squid with Debian's default
 * configuration plus the page's snippets reaches both: UP with the data centre's proof, not merely the canary.
 */
@QuarkusTest
@QuarkusTestResource(value = PassGuideUserTargetsTest.DataCentre.class, restrictToAnnotatedClass = true)
class PassGuideUserTargetsTest {

    /** A test Telegram data centre for this application start, configured as its only user target. */
    public static class DataCentre implements QuarkusTestResourceLifecycleManager {
        private TestDataCentre dc;

        @Override
        public Map<String, String> start() {
            dc = new TestDataCentre();
            try {
                dc.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("proxyfund.probe.user-targets", "127.0.0.1:" + dc.port() + "/2",
                    "proxyfund.probe.mtproto.server-public-keys", TestDhResponder.publicKeyBase64());
        }

        @Override
        public void stop() {
            if (dc != null) dc.stop();
        }
    }

    @Inject
    Canary canary;
    @Inject
    HttpConnectChecker checker;
    @Inject
    TelegramTargets targets;

    @Test
    void shouldListTheUserTargetsAndPassWithDebiansSquidPlusThePagesSnippetThroughToThem() throws Exception {
        UserTarget dc = targets.all().get(0);
        CheckResult up = PassGuidePageTest.squidFromThePage(canary, checker,
                List.of(canary.publicHost() + ":" + canary.publicPort(), dc.address()));
        assertTrue(up.detail().contains("Telegram DC 2 at " + dc.address() + " proved its key"), up.detail());
    }
}
