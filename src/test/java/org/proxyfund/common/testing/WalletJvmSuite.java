package org.proxyfund.common.testing;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The test run's second JVM (docs/testing.md, "Two JVMs"), beside {@link MainJvmSuite} in the first: the Quarkus
 * test classes whose application keeps a hot wallet on the regtest node, under the test profiles that only they use
 * ({@code WalletTestProfile}, {@code FreshChainProfile}, {@code PsbtSigningProfile}, {@code FeeSpikeProfile},
 * {@code ColdModeTest.Cold}, {@code HotFloatResource.Profile}, {@code FloatFaultInjectionTest.FloatProfile}). Most of
 * their time goes to waiting on the node (blocks, confirmations) and Electrum, so the first JVM's tests run meanwhile.
 * <p>
 * They are chosen by name, not by tag: Quarkus builds the application for a test class's profile as soon as the class
 * is loaded, and JUnit loads a class only when its name passes the suite's name filter, whereas tags are read from
 * loaded classes. Each JVM so builds only the profiles it runs. Each has its own embedded PostgreSQL, regtest node,
 * secrets key and listening ports ({@link TestJvm}). {@code LanesTest} checks that this list holds every class of these
 * profiles and no other.
 */
@Suite
@SelectPackages("org.proxyfund")
@IncludeClassNamePatterns(WalletJvmSuite.CLASSES)
public class WalletJvmSuite {

    /** The second JVM's test classes, by their full names. */
    public static final String CLASSES = "org\\.proxyfund\\.("
            + "audit\\.TransparencyChainTest"
            + "|donation\\.DonationFlowTest"
            + "|payout\\.(CalendarChangePayoutTest|ColdModeTest|FeeSpikeTest|FloatFaultInjectionTest"
            + "|PayoutFaultInjectionTest|PayoutPsbtTest|PayoutReorgTest|PayoutSendingTest|PayoutWaitingTest"
            + "|PsbtReservationTest|RecordsTest|WebhookPayoutEventsTest)"
            + "|treasury\\.HotFloatSweepTest"
            + "|wallet\\.(PsbtElectrumTest|WalletServiceTest|WalletSyncTest))";
}
