package org.pallas.server.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what is wrong with a JSON request body in the caller's terms: the JSON path of the offending field
 * ({@code details.parties[0].country}), an RFC 6901 pointer to it, and a message that names the field and the
 * expected kind of value. Never a Java type or Jackson's own message, which name classes.
 */
final class JsonBodyProblems {

    private JsonBodyProblems() {}

    /** One problem of a body that could not be read. */
    record BodyProblem(String field, String pointer, String message) {}

    static BodyProblem of(JacksonException e) {
        String field = path(e);
        return new BodyProblem(field, pointer(e), message(e, field));
    }

    private static String message(JacksonException e, String field) {
        if (e instanceof RequestBounds.Refused) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : u.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "));
            return "Unknown field '" + u.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : "; the fields here are: " + known);
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null) {
                return "Required: " + cause.getMessage();
            }
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
            return "This value is not valid here";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> target = m.getTargetType();
            if (e instanceof InvalidFormatException f && f.getValue() != null && !target.isEnum()) {
                return "'" + f.getValue() + "' is not " + kind(target);
            }
            if (target.isPrimitive() && String.valueOf(e.getOriginalMessage()).startsWith("Cannot map `null`")) {
                // Also a primitive that is missing: Jackson reads it as null.
                return target == boolean.class ? "Required: give true or false" : "Required: give " + kind(target);
            }
            return (field.equals("body") ? "The body must be " : "Must be ") + kind(target);
        }
        if (e instanceof StreamReadException && e.getLocation() != null) {
            return "Not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
        }
        return "Not valid JSON";
    }

    /** What kind of JSON value a Java type reads, in the words of the API. */
    private static String kind(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class
                || type == float.class
                || type == Double.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date, YYYY-MM-DD";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a date and time, e.g. 2026-12-01T09:30:00Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** The JSON path of the bad value, e.g. {@code parties[1].country}; {@code body} for the body itself. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The same place as an RFC 6901 JSON pointer in a URI fragment, as RFC 9457 suggests: {@code #/parties/1/country}. */
    private static String pointer(JacksonException e) {
        StringBuilder pointer = new StringBuilder("#");
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                pointer.append('/')
                        .append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }
}
