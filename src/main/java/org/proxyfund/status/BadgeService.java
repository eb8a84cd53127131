package org.proxyfund.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointFacts;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.maintenance.MaintenanceQueries;
import org.proxyfund.probe.history.UptimeService;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public status badges: an operator publishes, rotates or revokes the badge of one of their own endpoints; anyone with
 * the badge's address gets an SVG of the endpoint's state now, and nothing else about it. Rendered badges are kept for
 * {@code cache-for}; an address that was never published, or was rotated or revoked, is not found.
 */
@ApplicationScoped
public class BadgeService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BadgeRepository badges;
    @Inject
    EndpointQueries endpoints;
    @Inject
    UptimeService uptime;
    @Inject
    StatusConfig config;
    @Inject
    MaintenanceQueries maintenance;

    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /** The badge of an endpoint of this operator; empty when the endpoint is not theirs (or does not exist). */
    public Optional<BadgeView> view(long accountId, long endpointId) {
        if (!owns(accountId, endpointId)) {
            return Optional.empty();
        }
        return Optional.of(BadgeView.of(endpointId, badges.publicIdOf(endpointId).orElse(null)));
    }

    /** Applies an operator's action to the badge of one of their endpoints; empty when the endpoint is not theirs. */
    public Optional<BadgeView> apply(long accountId, long endpointId, BadgeAction action) {
        if (!owns(accountId, endpointId)) {
            return Optional.empty();
        }
        Optional<String> old = badges.publicIdOf(endpointId);
        switch (action) {
            case PUBLISH -> badges.publish(endpointId, newId());
            case ROTATE -> {
                if (!badges.rotate(endpointId, newId())) {
                    badges.publish(endpointId, newId());
                }
            }
            case REVOKE -> badges.revoke(endpointId);
        }
        if (action != BadgeAction.PUBLISH) {
            old.ifPresent(this::forget);
        }
        return Optional.of(BadgeView.of(endpointId, badges.publicIdOf(endpointId).orElse(null)));
    }

    /** The badge published under this id, in a language; empty when no endpoint publishes one under it. */
    public Optional<Rendered> badge(String publicId, Locale locale) {
        String key = publicId + "|" + locale.getLanguage();
        Instant now = Instant.now();
        Rendered r = rendered.get(key);
        if (r != null && r.at().plus(config.cacheFor()).isAfter(now)) {
            return Optional.of(r);
        }
        Optional<Long> endpointId = badges.endpointOf(publicId);
        if (endpointId.isEmpty()) {
            rendered.remove(key);
            return Optional.empty();
        }
        String state = maintenance.inMaintenance(List.of(endpointId.get()), now).isEmpty()
                ? uptime.current(endpointId.get()).state() : BadgeState.MAINTENANCE.name();
        Rendered fresh = Rendered.of(BadgeSvg.render(BadgeState.of(state), locale), now);
        if (rendered.size() >= config.badgeCacheSize()) {
            rendered.clear();
        }
        rendered.put(key, fresh);
        return Optional.of(fresh);
    }

    /** Drops the rendered badges of this id (every language). */
    private void forget(String publicId) {
        rendered.keySet().removeIf(k -> k.startsWith(publicId + "|"));
    }

    /** Drops every rendered badge (after seeding data in tests, for example). */
    public void invalidate() {
        rendered.clear();
    }

    private boolean owns(long accountId, long endpointId) {
        EndpointFacts f = endpoints.facts(List.of(endpointId)).get(endpointId);
        return f != null && f.operatorId() == accountId;
    }

    /** 128 random bits as 32 hex digits. */
    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
