package org.pallas.licensing;

/** An adviser team's view on a case. */
public enum AdviceType {
    APPROVE,
    APPROVE_WITH_CONDITIONS,
    /** Must cite at least one refusal criterion. */
    REFUSE,
    NO_VIEW
}
