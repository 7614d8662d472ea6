package org.pallas.server.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Field-level messages for HTML forms: bean validation of the submitted form, plus the fields a
 * service rejected. Templates show an error summary linking to each field and the message beside it.
 */
@Component
public class FormValidation {

    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /** Field name to message, in field order of first appearance; empty when the form is valid. */
    public Map<String, String> errors(Object form) {
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(form).stream()
                .sorted(Comparator.comparing(
                        (ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    /** Adds the fields of a service's rejection. */
    public static Map<String, String> add(Map<String, String> errors, InvalidInputException rejection) {
        rejection.fields().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        return errors;
    }
}
