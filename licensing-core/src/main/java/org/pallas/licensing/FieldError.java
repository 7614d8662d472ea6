package org.pallas.licensing;

/** One validation message, addressed to a field path such as {@code parties[1].countryCode}. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
