package org.pallas.classification.reference;

import java.util.List;

/** The reference data file is malformed; every problem is listed with its line number. */
public final class ReferenceDataException extends RuntimeException {

    private final transient List<String> problems;

    ReferenceDataException(String source, List<String> problems) {
        super(source + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
