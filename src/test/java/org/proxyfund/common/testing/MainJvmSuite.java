package org.proxyfund.common.testing;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The test run's first JVM (docs/testing.md, "Two JVMs"): every test class but the second JVM's
 * ({@link WalletJvmSuite}), in the two lanes. Surefire hands the two suites to two JVMs of their own. The payout
 * simulation runs in a surefire execution of its own, as before; it is left out here by name, so that its class, and
 * with it its test profile, is not even loaded.
 */
@Suite
@SelectPackages("org.proxyfund")
@ExcludeClassNamePatterns({WalletJvmSuite.CLASSES, ".*\\.PayoutSimulationTest"})
public class MainJvmSuite {
}
