package org.proxyfund.probe.relay;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.OwnSettingsProfile;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.httpconnect.HttpConnectChecker;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pass guide with user targets configured, as production has Telegram's data centres: a test data centre on
 * loopback (proving the test RSA key) is listed on the page next to the canary, and squid with Debian's default
 * configuration plus the page's snippets reaches both: UP with the data centre's proof, not merely the canary.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
class PassGuideUserTargetsTest {

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
