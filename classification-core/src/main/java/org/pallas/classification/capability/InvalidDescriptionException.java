package org.pallas.classification.capability;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a description or answer set contradicts itself or names unknown fields or options. */
public final class InvalidDescriptionException extends IllegalArgumentException {

    private final transient List<FieldError> errors;

    public InvalidDescriptionException(List<FieldError> errors) {
        super("invalid capability description: "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
