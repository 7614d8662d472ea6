package org.pallas.classification;

import java.util.List;

/**
 * Whether the EU Art. 5 catch-all for non-listed cyber-surveillance items could apply (EU-ART2-20,
 * EU-ART5-1..3). It is a flag for due diligence, not a licence decision: it applies to a particular
 * export only if the authority informs the exporter or the exporter becomes aware of a prohibited use.
 */
public record CatchAllAssessment(State state, List<OpenQuestion> openQuestions, List<ExplanationStep> explanation) {

    public CatchAllAssessment {
        openQuestions = List.copyOf(openQuestions);
        explanation = List.copyOf(explanation);
    }

    public enum State {
        /** All four Art. 2(20) elements are present and the item is not in Annex I. */
        COULD_APPLY,
        /** The item is listed, or an element is missing. */
        DOES_NOT_APPLY,
        /** Elements are unknown, or the listing question is still open. */
        UNDETERMINED
    }

    public boolean couldApply() {
        return state == State.COULD_APPLY;
    }
}
