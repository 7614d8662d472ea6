package org.pallas.policy;

/** A regulation rule ID as cited in an assessment, with its confidence tag and whether it is unverified ([R]). */
public record Citation(String id, String tag, boolean unverified) {

    static Citation of(RegulationRule rule) {
        return new Citation(rule.id(), rule.tag(), rule.unverified());
    }

    @Override
    public String toString() {
        return id + " [" + tag + "]" + (unverified ? " (unverified)" : "");
    }
}
