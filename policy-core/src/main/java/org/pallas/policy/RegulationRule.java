package org.pallas.policy;

/**
 * A rule ID from the project's regulation reference with its confidence tag: P (checked against the primary
 * text), S (secondary source), R (recollection, not verified), D (derived, unsourced) or a combination such as
 * P/S or S/R.
 */
public record RegulationRule(String id, String tag, String section) {

    /** Rules that rest partly on recollection or are derived are shown to users as "unverified". */
    public boolean unverified() {
        return tag.contains("R") || tag.equals("D");
    }
}
