package org.pallas.licensing;

/** Team work queues. A case sits in the queue(s) its status, route and outstanding advice put it in. */
public enum Queue {
    LICENSING_RECEPTION,
    FAST_TRACK,
    STANDARD,
    ENHANCED_REVIEW,
    PRESUMPTION_OF_DENIAL,
    HARD_STOP,
    HUMAN_RIGHTS_ADVICE,
    NATIONAL_SECURITY_ADVICE,
    DEFENCE_ADVICE,
    COUNTERSIGNING,
    APPEALS,
    /** Not an authority queue: the case waits for the applicant and its clock is paused. */
    WITH_APPLICANT
}
