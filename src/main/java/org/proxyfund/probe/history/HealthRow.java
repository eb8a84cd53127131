package org.proxyfund.probe.history;

/** One line of the admin health table: an endpoint, its operator, its latest check and its uptime windows. */
public record HealthRow(long endpointId, String operator, String name, String type, String region, String endpointState,
                        CurrentCheck current, UptimeWindow h24, UptimeWindow d7, UptimeWindow d30) {
}
