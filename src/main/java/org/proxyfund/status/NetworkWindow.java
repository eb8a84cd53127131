package org.proxyfund.status;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.proxyfund.probe.history.UptimeWindow;

/**
 * The whole network's checks over one window. Uptime is up / (up + down) in basis points, rounded down; UNKNOWN (the
 * monitor's own trouble) counts neither way; null without a single UP or DOWN check.
 */
public record NetworkWindow(long up, long down, long unknown, @Schema(nullable = true) Integer uptimeBasisPoints) {

    static NetworkWindow of(UptimeWindow w) {
        return new NetworkWindow(w.up(), w.down(), w.unknown(), w.basisPoints());
    }

    /** The UP and DOWN checks the uptime is taken from. */
    public long counted() {
        return up + down;
    }

    /** Uptime as text with two decimals ("99.95 %"), or null without data. */
    public String percent() {
        return new UptimeWindow(up, down, unknown, null, null).percent();
    }
}
