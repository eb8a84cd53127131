package org.proxyfund.probe;

/** What one check concluded: the endpoint relayed traffic, it did not, or the monitor could not tell. */
public enum CheckStatus {
    /** Traffic went through the endpoint and came back. */
    UP,
    /** The endpoint failed; the result carries a {@link DownReason}. */
    DOWN,
    /** The monitor itself was impaired (e.g. its canary not listening); never counted as operator downtime. */
    UNKNOWN
}
