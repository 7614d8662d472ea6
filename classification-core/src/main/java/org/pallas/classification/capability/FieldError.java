package org.pallas.classification.capability;

import java.util.Objects;

/** A problem with one field of a description or an answer set, for display next to that field. */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
