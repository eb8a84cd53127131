package org.proxyfund.trial;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.proxyfund.common.testing.TestJvm;

import java.util.Map;

/**
 * The prod profile, with trial mode and the local node asked for (as a stray {@code PROXYFUND_TRIAL_ENABLED=true}
 * would), and only what a test needs changed: the test run's PostgreSQL and free ports, plain-HTTP cookies, no wallet and
 * no background schedulers (the keys the test profile sets with {@code %test.}).
 */
public class ProdTrialAttemptProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "prod";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("proxyfund.trial.enabled", "true"),
                Map.entry("proxyfund.local-node.enabled", "true"),
                Map.entry("proxyfund.embedded-db.data-dir", TestJvm.embeddedDbDir()),
                Map.entry("proxyfund.embedded-db.clean", "true"),
                Map.entry("quarkus.http.test-port", "0"),
                Map.entry("quarkus.management.test-port", "0"),
                Map.entry("proxyfund.wallet.enabled", "false"),
                Map.entry("proxyfund.secrets.key-file", TestJvm.secretsKeyFile()),
                Map.entry("proxyfund.operator.secure-cookies", "false"),
                Map.entry("proxyfund.operator.bcrypt-cost", "4"),
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                Map.entry("proxyfund.admin.bootstrap", "root-admin:admin-password-for-tests"),
                Map.entry("proxyfund.probe.canary-bind-host", "127.0.0.1"),
                Map.entry("proxyfund.probe.canary-bind-port", "0"),
                Map.entry("proxyfund.probe.schedule.enabled", "false"),
                Map.entry("proxyfund.payout.scheduler-enabled", "false"),
                Map.entry("proxyfund.endpoint.ownership.enabled", "false"));
    }
}
