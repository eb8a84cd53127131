package org.proxyfund.vantage;

import org.proxyfund.probe.DownReason;

/** The kind of failure agents saw, read from the checker's reason and detail code. */
public enum Interference {
    /** Nothing came back to the connection attempt: packets silently dropped. */
    DROP,
    /** The connection was reset or refused. */
    RESET,
    /** The connection opened but broke off during the handshake, after the first bytes. */
    CUT,
    /** Any other failure (authentication, protocol, an open proxy). */
    OTHER;

    /** The kind of a DOWN result: its reason name and its detail's message key (null when unknown). */
    public static Interference of(String reason, String detailKey) {
        if (DownReason.CONNECT_REFUSED.name().equals(reason)) return RESET;
        if (DownReason.TIMEOUT.name().equals(reason)) return "tcp_timeout".equals(detailKey) ? DROP : CUT;
        if (DownReason.RELAY_FAILED.name().equals(reason) || DownReason.PROTOCOL_ERROR.name().equals(reason)) return CUT;
        return OTHER;
    }
}
