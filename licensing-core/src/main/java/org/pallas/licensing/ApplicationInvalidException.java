package org.pallas.licensing;

import java.util.List;

/** Submission or amendment of an application that fails validation; carries every field-level error. */
public class ApplicationInvalidException extends RuntimeException {

    private final List<FieldError> errors;

    ApplicationInvalidException(List<FieldError> errors) {
        super("application is not valid: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
