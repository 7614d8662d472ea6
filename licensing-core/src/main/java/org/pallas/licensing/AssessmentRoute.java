package org.pallas.licensing;

import java.util.EnumSet;
import java.util.Set;
import org.pallas.policy.AdviserTeam;

/**
 * Where the automated risk assessment places a case, and which steps that makes mandatory. Declared from least to
 * most restrictive; a caseworker may only move a case to a later (stricter) route.
 */
public enum AssessmentRoute {
    /** Same-day decision by a caseworker with the assessment's suggested conditions. */
    FAST_TRACK(Queue.FAST_TRACK, Set.of(), false, true),
    STANDARD(Queue.STANDARD, Set.of(), false, true),
    /** Advice from every adviser team, then a countersignature on whatever the outcome. */
    ENHANCED_REVIEW(Queue.ENHANCED_REVIEW, EnumSet.allOf(AdviserTeam.class), true, true),
    /** Refusal is presumed; any outcome needs a senior officer's countersignature. */
    PRESUMPTION_OF_DENIAL(Queue.PRESUMPTION_OF_DENIAL, Set.of(), true, true),
    /** Refusal path: no advice is sought and the only decision is a refusal citing criteria. */
    HARD_STOP(Queue.HARD_STOP, Set.of(), false, false);

    private final Queue queue;
    private final Set<AdviserTeam> requiredAdvice;
    private final boolean countersignatureRequired;
    private final boolean adviceAllowed;

    AssessmentRoute(
            Queue queue, Set<AdviserTeam> requiredAdvice, boolean countersignatureRequired, boolean adviceAllowed) {
        this.queue = queue;
        this.requiredAdvice = Set.copyOf(requiredAdvice);
        this.countersignatureRequired = countersignatureRequired;
        this.adviceAllowed = adviceAllowed;
    }

    public Queue queue() {
        return queue;
    }

    /** Teams whose advice the route always requires (the assessment may name more). */
    public Set<AdviserTeam> requiredAdvice() {
        return requiredAdvice;
    }

    public boolean countersignatureRequired() {
        return countersignatureRequired;
    }

    public boolean adviceAllowed() {
        return adviceAllowed;
    }

    public boolean onlyRefusal() {
        return this == HARD_STOP;
    }

    boolean isStricterThan(AssessmentRoute other) {
        return compareTo(other) > 0;
    }
}
