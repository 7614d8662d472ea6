package org.pallas.licensing;

/** The outcome of a finalised case. */
public enum Outcome {
    APPROVED,
    REFUSED,
    NO_LICENCE_REQUIRED
}
