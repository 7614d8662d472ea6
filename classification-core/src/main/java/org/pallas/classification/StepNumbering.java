package org.pallas.classification;

import java.util.ArrayList;
import java.util.List;
import org.pallas.classification.reference.ReferenceData;

/** Collects explanation steps, numbering them and marking those that rest on unverified rules. */
final class StepNumbering {

    private final ReferenceData data;
    private final List<ExplanationStep> steps = new ArrayList<>();

    StepNumbering(ReferenceData data) {
        this.data = data;
    }

    void add(String text, String... rules) {
        add(text, List.of(rules));
    }

    void add(String text, List<String> rules) {
        steps.add(new ExplanationStep(steps.size() + 1, text, List.copyOf(rules), data.anyUnverified(rules)));
    }

    List<ExplanationStep> done() {
        return List.copyOf(steps);
    }
}
