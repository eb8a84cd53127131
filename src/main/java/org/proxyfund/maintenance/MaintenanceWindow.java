package org.proxyfund.maintenance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A maintenance window of one endpoint, in whole UTC hours [startsAt, endsAt).
 *
 * @param state PLANNED (not started), ACTIVE (now inside it), DONE (ended) or CANCELLED (withdrawn before it started)
 */
public record MaintenanceWindow(long id, long endpointId, Instant startsAt, Instant endsAt, Instant declaredAt,
                                @Schema(nullable = true, implementation = String.class, format = "date-time") Instant cancelledAt, String state) {

    static MaintenanceWindow of(long id, long endpointId, Instant startsAt, Instant endsAt, Instant declaredAt,
                                Instant cancelledAt, Instant now) {
        String state = cancelledAt != null ? "CANCELLED" : now.isBefore(startsAt) ? "PLANNED" : now.isBefore(endsAt) ? "ACTIVE" : "DONE";
        return new MaintenanceWindow(id, endpointId, startsAt, endsAt, declaredAt, cancelledAt, state);
    }

    /** Whole hours it lasts. */
    public long hours() {
        return java.time.Duration.between(startsAt, endsAt).toHours();
    }

    public boolean cancellable() {
        return "PLANNED".equals(state);
    }
}
