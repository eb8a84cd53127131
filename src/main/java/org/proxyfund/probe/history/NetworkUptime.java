package org.proxyfund.probe.history;

/** The whole network's checks over the last 24 hours, 7 days and 30 days (every endpoint's rollups summed). */
public record NetworkUptime(UptimeWindow h24, UptimeWindow d7, UptimeWindow d30) {
}
