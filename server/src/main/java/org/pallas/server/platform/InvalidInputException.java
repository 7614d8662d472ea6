package org.pallas.server.platform;

import java.util.List;

/**
 * Input that is well-formed but not acceptable, naming each offending field (e.g. a username that is
 * already taken). Answers 400 with the fields listed; forms show the messages beside the fields.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> fields;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInputException(List<FieldProblem> fields) {
        super(fields.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        this.fields = List.copyOf(fields);
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** One invalid field and what is wrong with it. */
    public record FieldProblem(String field, String message) {}
}
