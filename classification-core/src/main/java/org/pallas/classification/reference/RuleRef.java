package org.pallas.classification.reference;

import java.util.Set;

/**
 * A rule ID from regulation.md with its confidence tag: P (checked against the primary text),
 * S (secondary source), R (recollection, not verified), combinations such as P/S, or "derived".
 * Anything resting on R or a derived rule is shown to users as unverified.
 */
public record RuleRef(String id, String tag) {

    static final Set<String> TAGS = Set.of("P", "S", "R", "P/S", "S/P", "S/R", "derived");

    public boolean unverified() {
        return tag.contains("R") || tag.equals("derived");
    }
}
