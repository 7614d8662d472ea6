package org.pallas.classification.capability;

/** A yes/no answer that may also be unknown; unknown is what an unanswered question means. */
public enum Tri implements Choice {
    YES("Yes"),
    NO("No"),
    UNKNOWN("Not sure");

    private final String label;

    Tri(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isYes() {
        return this == YES;
    }

    public boolean isNo() {
        return this == NO;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    public Tri and(Tri other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == YES && other == YES ? YES : UNKNOWN;
    }

    public Tri or(Tri other) {
        if (this == YES || other == YES) {
            return YES;
        }
        return this == NO && other == NO ? NO : UNKNOWN;
    }

    public Tri not() {
        return this == YES ? NO : this == NO ? YES : UNKNOWN;
    }

    public static Tri of(boolean value) {
        return value ? YES : NO;
    }
}
