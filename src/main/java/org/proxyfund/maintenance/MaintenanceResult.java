package org.proxyfund.maintenance;

import org.proxyfund.common.validation.FieldError;

import java.util.List;

/** The outcome of declaring or cancelling a window: done (with the window), refused input, or not the caller's. */
public sealed interface MaintenanceResult {

    /** The window declared or cancelled. */
    record Done(MaintenanceWindow window) implements MaintenanceResult {
    }

    /** Input refused: each field at fault with a stable code and an English message. */
    record Invalid(List<FieldError> errors) implements MaintenanceResult {
    }

    /** No endpoint of the caller's has this id. */
    record NotFound() implements MaintenanceResult {
    }

    /** The endpoint has no window with this id that has not started (started, over, cancelled, or none). */
    record NotCancellable() implements MaintenanceResult {
    }
}
