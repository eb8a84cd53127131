package org.proxyfund.common.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks the threads of the plain lane: the thread a {@link PlainLane} class runs on, and every thread it starts while
 * it runs (the mark is inherited). {@link LogRecorder} leaves their log records out, so a Quarkus test that asserts on
 * the service's log does not see what a plain test running beside it logged.
 */
public final class PlainLaneThreads implements BeforeAllCallback, AfterAllCallback {

    private static final InheritableThreadLocal<Boolean> PLAIN = new InheritableThreadLocal<>();

    /** Whether the calling thread belongs to the plain lane. */
    public static boolean current() {
        return Boolean.TRUE.equals(PLAIN.get());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PLAIN.set(Boolean.TRUE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PLAIN.remove();
    }
}
