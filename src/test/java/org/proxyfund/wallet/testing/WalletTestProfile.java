package org.proxyfund.wallet.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Test profile for tests that need the wallet on a real regtest node; all such tests share one app start. A block
 * explorer is configured, as an installation on a network with one would have ({@code RecordsTest} follows its links):
 * every further profile costs the test run one more build of the application and one more start.
 */
public class WalletTestProfile implements QuarkusTestProfile {

    public static final String TX_URL = "https://explorer.example/regtest/tx/";
    public static final String ADDRESS_URL = "https://explorer.example/regtest/address/";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("proxyfund.explorer.tx-url", TX_URL + "{txid}", "proxyfund.explorer.address-url", ADDRESS_URL + "{address}");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RegtestNodeResource.class));
    }
}
