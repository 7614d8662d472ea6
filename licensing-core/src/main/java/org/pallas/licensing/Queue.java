package org.pallas.licensing;

import org.pallas.policy.AdviserTeam;

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
    WITH_APPLICANT;

    /** The queue of the advice a team owes. */
    public static Queue adviceOf(AdviserTeam team) {
        return switch (team) {
            case HUMAN_RIGHTS -> HUMAN_RIGHTS_ADVICE;
            case NATIONAL_SECURITY -> NATIONAL_SECURITY_ADVICE;
            case DEFENCE -> DEFENCE_ADVICE;
        };
    }
}
