package org.proxyfund.probe.history;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Pages;
import org.proxyfund.web.Bundles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Health panels of the signed-in operator's own endpoints, which the dashboard and endpoint pages pass to their
 * templates; four queries per page whatever the number of endpoints.
 */
@RequestScoped
public class HealthView {

    @Inject
    Viewer viewer;

    @Inject
    Pages pages;

    @Inject
    UptimeService uptime;

    private List<EndpointHealth> mine;

    /** One panel per endpoint of the signed-in operator, in the dashboard's order (oldest first). */
    public List<EndpointHealth> mine() {
        if (mine == null) {
            long accountId = viewer.require().accountId();
            mine = panels(Endpoint.ofAccount(accountId), accountId, messages(pages.locale()));
        }
        return mine;
    }

    /** The panel of one of the signed-in operator's endpoints; null if it is not theirs. */
    public EndpointHealth endpoint(long endpointId) {
        return mine().stream().filter(h -> h.endpointId() == endpointId).findFirst().orElse(null);
    }

    List<EndpointHealth> panels(List<Endpoint> endpoints, long accountId, HealthMessages m) {
        Instant now = Instant.now();
        Map<Long, EndpointUptime> windows = uptime.forAccount(accountId, now);
        Map<Long, WeekSeries> series = uptime.seriesForAccount(accountId, now);
        Map<Long, CurrentCheck> current = uptime.currentForAccount(accountId);
        List<EndpointHealth> out = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String name = e.label == null || e.label.isBlank() ? e.type.label() : e.label;
            WeekSeries s = series.containsKey(e.id) ? series.get(e.id)
                    : WeekSeries.of(e.id, HistoryRepository.currentHour(now), Map.of());
            out.add(new EndpointHealth(e.id, name, current.getOrDefault(e.id, CurrentCheck.NONE),
                    windows.getOrDefault(e.id, EndpointUptime.empty(e.id)), s, UptimeGraph.render(s, name, m)));
        }
        return out;
    }

    /** The bundle in the page's language. */
    public static HealthMessages messages(Locale locale) {
        return Bundles.of(HealthMessages.class, locale);
    }
}
