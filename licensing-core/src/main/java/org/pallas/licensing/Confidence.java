package org.pallas.licensing;

/** The confidence tag regulation.md gives a rule: [P] primary text, [S] secondary source, [R] recollection. */
public enum Confidence {
    P,
    S,
    R;

    /** Rules tagged [R] are shown to users as "unverified". */
    public boolean unverified() {
        return this == R;
    }
}
