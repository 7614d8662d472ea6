package org.pallas.licensing;

/**
 * The scope of use the exporter states for an intrusion or surveillance item: how many targets, of what kind, for how
 * long (PMP-PRE-1: clearly defined, specific, lawful targets). Asked only when the item is high-risk.
 *
 * @param targets the number of targets, 1 to {@value #MAX_TARGETS}
 * @param kind who the targets are, e.g. "named suspects under warrant"
 * @param months how long the use lasts, 1 to {@value #MAX_MONTHS} months
 */
public record TargetedUse(Integer targets, String kind, Integer months) {

    public static final int MAX_TARGETS = 1000;
    public static final int MAX_MONTHS = 60;

    /** Targeted when the number, kind and duration are all stated and bounded; otherwise the use is untargeted. */
    public boolean targeted() {
        return targets != null
                && targets >= 1
                && targets <= MAX_TARGETS
                && kind != null
                && !kind.isBlank()
                && months != null
                && months >= 1
                && months <= MAX_MONTHS;
    }
}
