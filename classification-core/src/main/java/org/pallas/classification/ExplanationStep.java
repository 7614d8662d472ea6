package org.pallas.classification;

import java.util.List;

/**
 * One step of an explanation chain, in plain language, citing the regulation.md rule IDs it applies.
 * {@code unverified} is true when any cited rule is tagged [R] or derived; show it as unverified.
 */
public record ExplanationStep(int number, String text, List<String> rules, boolean unverified) {

    public ExplanationStep {
        rules = List.copyOf(rules);
    }
}
