package org.proxyfund.common.validation;

import java.util.Objects;

/**
 * One problem with one input field: the field's name, a stable code (usable as an i18n key) and an English message.
 *
 * @param field   the field's name as the form or API calls it (e.g. {@code host}, {@code protocolFields.cipher})
 * @param code    a stable, dotted code such as {@code endpoint.port.range}; pages translate it, clients match on it
 * @param message a complete English sentence that says what is wrong and what is allowed
 */
public record FieldError(String field, String code, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
