package org.pallas.policy;

import java.util.List;

/** The rulebook could not be loaded; {@link #problems()} lists every problem found, each with file and line. */
public final class RulebookException extends RuntimeException {

    private final List<String> problems;

    RulebookException(List<String> problems) {
        super("invalid rulebook:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
