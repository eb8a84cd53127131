package org.proxyfund.probe.schedule;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/** Starts this replica's check scheduler with the application (when enabled) and stops it gracefully on shutdown. */
@ApplicationScoped
public class SchedulerLifecycle {

    private final SchedulerFactory factory;
    private volatile CheckScheduler scheduler;

    public SchedulerLifecycle(SchedulerFactory factory) {
        this.factory = factory;
    }

    // After the canary (default observer priority), so the first self-check finds it listening.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (factory.config().enabled()) {
            scheduler = factory.create();
            scheduler.start();
        }
    }

    // Before the canary and everything else that stops with the application (default priority APPLICATION + 500), so
    // the checks still running can finish against a listening canary and be recorded while the datasource is open.
    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
        CheckScheduler s = scheduler;
        if (s != null) s.stop();
    }

    /** The running scheduler, or null when scheduling is disabled on this replica. */
    public CheckScheduler scheduler() {
        return scheduler;
    }
}
