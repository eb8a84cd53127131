package org.proxyfund.common.identity;

/** Who performs a change, as written to the audit log. */
public record Actor(Long id, String handle) {

    /** The service itself (bootstrap, scheduled jobs). */
    public static Actor system() {
        return new Actor(null, AuditService.SYSTEM);
    }
}
