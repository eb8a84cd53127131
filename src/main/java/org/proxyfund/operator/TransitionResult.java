package org.proxyfund.operator;

/** Outcome of an operator state change. */
public enum TransitionResult {
    DONE, NOT_FOUND, NOT_ALLOWED, REASON_REQUIRED
}
