package org.proxyfund.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The figures of the public status page, read from the database at most once per {@code cache-for} on each replica
 * (one request reads them, requests arriving meanwhile wait for it), and each language's page rendered once per
 * figures: a request for /status between reads touches neither the database nor the template engine.
 */
@ApplicationScoped
public class StatusCache {

    /** The figures of one read and the pages rendered from them, by language. */
    record Snapshot(NetworkStatus status, Map<String, Rendered> pages) {
    }

    @Inject
    StatusService service;
    @Inject
    StatusConfig config;

    private volatile Snapshot snapshot;

    /** The current figures, read again when older than {@code cache-for}. */
    Snapshot current() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s == null || !s.status().computedAt().plus(config.cacheFor()).isAfter(now)) {
            synchronized (this) {
                s = snapshot;
                if (s == null || !s.status().computedAt().plus(config.cacheFor()).isAfter(now)) {
                    s = new Snapshot(service.compute(now), new ConcurrentHashMap<>());
                    snapshot = s;
                }
            }
        }
        return s;
    }

    /** The page of the current figures in a language, rendered on first use. */
    Rendered page(String lang, Function<NetworkStatus, String> render) {
        Snapshot s = current();
        return s.pages().computeIfAbsent(lang, l -> Rendered.of(render.apply(s.status()), s.status().computedAt()));
    }

    /** Forgets the figures: the next request reads them again (after seeding data in tests, for example). */
    public void invalidate() {
        snapshot = null;
    }
}
