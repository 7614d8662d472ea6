package org.pallas.server.classification;

/** Where a classification request stands. */
public enum RequestStatus {
    /** Sent to the authority, awaiting a caseworker. */
    SUBMITTED,
    /** The caseworker confirmed the engine's proposal as the rating. */
    CONFIRMED,
    /** The caseworker decided a different rating, with reasons. */
    AMENDED
}
