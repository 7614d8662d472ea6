package org.pallas.classification;

import java.util.List;

/**
 * Whether US License Exception ACE (15 CFR 740.22) is in scope for the item: it must be a controlled
 * "cybersecurity item" (US-ACE-ITEMS), not controlled for SL reasons or also under Category 5 Part 2
 * (US-ACE-NOT-CAT5P2). In scope does not mean usable: the destination, end-user and end-use
 * restrictions (US-ACE-1..4) are listed in the explanation and are checked per transaction.
 */
public record AceAssessment(
        State state,
        List<String> eligibleEntries,
        List<String> ineligibleEntries,
        List<OpenQuestion> openQuestions,
        List<ExplanationStep> explanation) {

    public AceAssessment {
        eligibleEntries = List.copyOf(eligibleEntries);
        ineligibleEntries = List.copyOf(ineligibleEntries);
        openQuestions = List.copyOf(openQuestions);
        explanation = List.copyOf(explanation);
    }

    public enum State {
        IN_SCOPE,
        /** Some controlled entries are cybersecurity items, others are not. */
        PARTLY_IN_SCOPE,
        NOT_IN_SCOPE,
        UNDETERMINED
    }

    public boolean inScope() {
        return state == State.IN_SCOPE || state == State.PARTLY_IN_SCOPE;
    }
}
