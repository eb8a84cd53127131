package org.proxyfund.audit;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** A wallet on the regtest node with a fresh mnemonic and a fresh database ({@link FreshChainResource}). */
public class FreshChainProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshChainResource.class));
    }
}
