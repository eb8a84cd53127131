package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.proxyfund.wallet.testing.RegtestNodeResource;

import java.util.List;
import java.util.Map;

/** The wallet on the regtest node, approved batches signed by the admins' own wallets (proxyfund.payout.signing=psbt). */
public class PsbtSigningProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("proxyfund.payout.signing", "psbt");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RegtestNodeResource.class));
    }
}
