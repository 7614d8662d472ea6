package org.pallas.classification;

/** The result for one regime. */
public enum Outcome {
    /** One or more entries catch the item; {@link RegimeClassification#entries()} names them. */
    CONTROLLED,
    /** No entry catches it; {@link RegimeClassification#reason()} says why (a note, a definition). */
    NOT_CONTROLLED,
    /** The answers leave it open; {@link RegimeClassification#openQuestions()} lists what to resolve. */
    NEEDS_REVIEW
}
