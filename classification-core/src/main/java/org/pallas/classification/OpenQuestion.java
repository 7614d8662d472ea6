package org.pallas.classification;

import java.util.List;

/**
 * What keeps a regime at {@link Outcome#NEEDS_REVIEW}: an unanswered or "not sure" question (with its
 * questionnaire id), answers that contradict a note, or a point of interpretation for the authority.
 */
public record OpenQuestion(Kind kind, String questionId, String text, List<String> rules) {

    public OpenQuestion {
        rules = List.copyOf(rules);
    }

    public enum Kind {
        /** A question the vendor has not answered, or answered "not sure". */
        UNANSWERED,
        /** Answers that contradict each other as far as a note is concerned. */
        CONFLICT,
        /** The answers are complete but the text leaves the point to the authority. */
        INTERPRETATION
    }
}
