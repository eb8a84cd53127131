package org.proxyfund.common.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Marks the threads of the plain lane: the thread a {@link PlainLane} class runs on, and every thread it starts while
 * it runs (the mark is inherited). {@link LogRecorder} leaves their log records out, so a Quarkus test that asserts on
 * the service's log does not see what a plain test running beside it logged.
 * <p>
 * Quarkus loads its test classes, LogRecorder among them, in a class loader of its own, where this class is a second
 * copy with a second thread-local; plain tests use the system class loader's copy. Every copy therefore keeps the mark
 * in the system class loader's copy, the one both lanes can reach.
 */
public final class PlainLaneThreads implements BeforeAllCallback, AfterAllCallback {

    private static final InheritableThreadLocal<Boolean> PLAIN = new InheritableThreadLocal<>();
    private static final Class<?> HOME = home();

    private static Class<?> home() {
        try {
            return Class.forName(PlainLaneThreads.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            return PlainLaneThreads.class;
        }
    }

    /** Whether the calling thread belongs to the plain lane. */
    public static boolean current() {
        return HOME == PlainLaneThreads.class ? Boolean.TRUE.equals(PLAIN.get()) : (Boolean) atHome("current");
    }

    /** Marks or unmarks the calling thread (and the threads it starts from now on). */
    public static void mark(Boolean on) {
        if (HOME != PlainLaneThreads.class) {
            atHome("mark", on);
        } else if (on) {
            PLAIN.set(Boolean.TRUE);
        } else {
            PLAIN.remove();
        }
    }

    private static Object atHome(String name, Object... args) {
        try {
            Method m = args.length == 0 ? HOME.getMethod(name) : HOME.getMethod(name, Boolean.class);
            return m.invoke(null, args);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the system class loader's PlainLaneThreads", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        mark(Boolean.TRUE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        mark(Boolean.FALSE);
    }
}
