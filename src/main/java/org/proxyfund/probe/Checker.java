package org.proxyfund.probe;

import org.proxyfund.endpoint.EndpointType;

/**
 * One protocol's health check. Implementations block on network I/O with a timeout on every socket operation,
 * are thread-safe, and must never be called inside a database transaction (a check can take seconds).
 */
public interface Checker {

    /** The endpoint type this checker understands. */
    EndpointType type();

    /** Runs one check; expected failures are results, never exceptions. */
    CheckResult check(CheckTarget target);
}
