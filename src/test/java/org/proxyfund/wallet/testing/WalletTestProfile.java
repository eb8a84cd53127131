package org.proxyfund.wallet.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Test profile for tests that need the wallet on a real regtest node; all such tests share one app start. */
public class WalletTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RegtestNodeResource.class));
    }
}
