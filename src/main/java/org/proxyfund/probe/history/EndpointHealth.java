package org.proxyfund.probe.history;

import io.quarkus.qute.RawString;

/**
 * Everything a health panel shows for one endpoint: its name, current check, uptime windows, and the 7-day graph
 * already rendered (escaped) by {@link UptimeGraph}.
 */
public record EndpointHealth(long endpointId, String name, CurrentCheck current, EndpointUptime uptime, WeekSeries series,
                             RawString graph) {
}
