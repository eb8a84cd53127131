package org.proxyfund.common.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class that does not start the application in a second lane, beside the {@code @QuarkusTest} classes
 * (which stay in the main lane, one after the other, grouped by test profile). Classes of this lane run one at a time
 * among themselves: they share the one lock named here. Much of their time is spent waiting on real proxy servers,
 * Electrum or an embedded database of their own, so the two lanes overlap on two cores without crowding each other.
 * <p>
 * Only for classes that leave JVM-wide state alone (system properties other than {@link TestPorts}' synchronized
 * counters, the default locale or time zone, fixed-name network devices or namespaces, bitcoinj's per-JVM context).
 * What they log stays out of {@link LogRecorder} ({@link PlainLaneThreads}). {@code LanesTest} checks that
 * every plain test class is either here or named in its list of exceptions, and that no Quarkus test is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(PlainLane.LOCK)
@ExtendWith(PlainLaneThreads.class)
public @interface PlainLane {

    /** The lock that keeps this lane's classes one at a time. */
    String LOCK = "proxyfund.plain-lane";
}
