package org.proxyfund.probe.history;

/** Uptime of one endpoint over the last 24 hours, 7 days and 30 days, from the hourly rollups. */
public record EndpointUptime(long endpointId, UptimeWindow h24, UptimeWindow d7, UptimeWindow d30) {

    /** An endpoint with no rollups in any window. */
    public static EndpointUptime empty(long endpointId) {
        return new EndpointUptime(endpointId, UptimeWindow.NONE, UptimeWindow.NONE, UptimeWindow.NONE);
    }
}
