package org.proxyfund.trial;

import org.proxyfund.common.testing.PlainLane;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trial mode is the dev profile's alone: production cannot switch it on, neither by configuration nor by accident. */
@PlainLane
class TrialModeTest {

    @Test
    void shouldRefuseTrialModeInTheProdProfileAndOffRegtestEvenWhenAskedFor() {
        assertTrue(TrialMode.allowed(true, List.of("dev"), "regtest"));
        assertFalse(TrialMode.allowed(true, List.of("prod"), "regtest"), "PROXYFUND_TRIAL_ENABLED=true in production");
        assertFalse(TrialMode.allowed(true, List.of("prod", "dev"), "regtest"), "prod among several profiles");
        assertFalse(TrialMode.allowed(true, List.of("dev"), "mainnet"));
        assertFalse(TrialMode.allowed(true, List.of("dev"), "testnet"));
        assertFalse(TrialMode.allowed(false, List.of("dev"), "regtest"));
    }

    @Test
    void shouldAskForTrialModeAndShortEpochsInTheDevProfileOnly() throws IOException {
        for (String profile : new String[] {"dev", "prod", "test"}) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                    .withSources(new PropertiesConfigSource(TrialModeTest.class.getResource("/application.properties"), 250)).build();
            boolean dev = "dev".equals(profile);
            assertEquals(dev, config.getOptionalValue("proxyfund.trial.enabled", Boolean.class).orElse(false), profile);
            assertEquals(dev, config.getOptionalValue("proxyfund.settlement.epoch-length", String.class).isPresent(), profile);
        }
    }
}
