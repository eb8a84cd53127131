package org.proxyfund.wallet.node;

import org.proxyfund.common.testing.PlainLane;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production never gets a local regtest node: only the dev profile (./run) switches it on. */
@PlainLane
class LocalNodeProfileTest {

    @Test
    void shouldStartNoLocalNodeAndLeaveTheWalletUnpointedInTheProdProfile() throws IOException {
        SmallRyeConfig prod = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("prod").withSources(applicationProperties())
                .withSources(new LocalNodeConfigSourceFactory()).build();

        assertFalse(prod.getOptionalValue("proxyfund.local-node.enabled", Boolean.class).orElse(false));
        assertTrue(prod.getOptionalValue("proxyfund.wallet.peers", String.class).isEmpty(), "no peers handed to the wallet");
        assertTrue(prod.getOptionalValue("proxyfund.wallet.rpc-url", String.class).isEmpty());
        assertNull(System.getProperty(LocalNode.NODE_KEY), "no node started");
        assertTrue(LocalNode.running().isEmpty());
    }

    @Test
    void shouldRefuseALocalNodeInTheProdProfileEvenWhenAskedFor() throws IOException {
        SmallRyeConfig prod = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("prod")
                .withSources(applicationProperties())
                .withSources(new PropertiesConfigSource(Map.of("proxyfund.local-node.enabled", "true"), "asked", 300))
                .withSources(new LocalNodeConfigSourceFactory()).build();

        assertTrue(prod.getValue("proxyfund.local-node.enabled", Boolean.class), "asked for, as by PROXYFUND_LOCAL_NODE_ENABLED");
        assertTrue(prod.getOptionalValue("proxyfund.wallet.peers", String.class).isEmpty(), "no peers handed to the wallet");
        assertNull(System.getProperty(LocalNode.NODE_KEY), "no node started");
        assertNull(System.getProperty(LocalNode.PROBLEM_KEY), "not even tried");
    }

    @Test
    void shouldSwitchTheLocalNodeOnInTheDevProfileOnly() throws IOException {
        for (String profile : new String[] {"dev", "prod", "test"}) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile).withSources(applicationProperties()).build();
            assertEquals("dev".equals(profile), config.getOptionalValue("proxyfund.local-node.enabled", Boolean.class).orElse(false), profile);
        }
    }

    private static PropertiesConfigSource applicationProperties() throws IOException {
        URL url = LocalNodeProfileTest.class.getResource("/application.properties");
        return new PropertiesConfigSource(url, 250);
    }
}
