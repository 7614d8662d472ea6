package org.pallas.licensing;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a licensing case and the only transitions between them. {@link Case} checks every change against
 * {@link #canMoveTo}; docs/licensing.md draws the same table (a test keeps the two in step).
 */
public enum CaseStatus {
    DRAFT,
    SUBMITTED,
    INITIAL_CHECKS,
    UNDER_REVIEW,
    AWAITING_ADVICE,
    ADVICE_CONSOLIDATION,
    AWAITING_COUNTERSIGNATURE,
    /** Applicant editing: the case waits for the applicant's answer and the clock is paused. */
    INFORMATION_REQUESTED,
    /** Approved, refused or no licence required; see {@link Outcome}. */
    FINALISED,
    WITHDRAWN,
    UNDER_APPEAL,
    APPEAL_DECIDED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED));
        NEXT.put(SUBMITTED, EnumSet.of(INITIAL_CHECKS, WITHDRAWN));
        NEXT.put(INITIAL_CHECKS, EnumSet.of(UNDER_REVIEW, INFORMATION_REQUESTED, WITHDRAWN));
        NEXT.put(
                UNDER_REVIEW,
                EnumSet.of(AWAITING_ADVICE, INFORMATION_REQUESTED, AWAITING_COUNTERSIGNATURE, FINALISED, WITHDRAWN));
        NEXT.put(AWAITING_ADVICE, EnumSet.of(ADVICE_CONSOLIDATION, WITHDRAWN));
        NEXT.put(ADVICE_CONSOLIDATION, EnumSet.of(UNDER_REVIEW, INFORMATION_REQUESTED, WITHDRAWN));
        NEXT.put(AWAITING_COUNTERSIGNATURE, EnumSet.of(FINALISED, UNDER_REVIEW, WITHDRAWN));
        NEXT.put(INFORMATION_REQUESTED, EnumSet.of(INITIAL_CHECKS, UNDER_REVIEW, ADVICE_CONSOLIDATION, WITHDRAWN));
        NEXT.put(FINALISED, EnumSet.of(UNDER_APPEAL));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(CaseStatus.class));
        NEXT.put(UNDER_APPEAL, EnumSet.of(APPEAL_DECIDED));
        NEXT.put(APPEAL_DECIDED, EnumSet.noneOf(CaseStatus.class));
    }

    public boolean canMoveTo(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<CaseStatus> next() {
        return Set.copyOf(NEXT.get(this));
    }

    /** Still before a decision: the exporter may withdraw, the clock runs (unless paused). */
    public boolean isOpen() {
        return this != DRAFT && canMoveTo(WITHDRAWN);
    }
}
