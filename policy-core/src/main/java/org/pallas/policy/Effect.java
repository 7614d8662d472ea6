package org.pallas.policy;

/** What a rule does when its condition holds. */
public enum Effect {
    /** The transfer cannot be licensed (e.g. a sanctioned party, an embargo on the item). */
    HARD_STOP,
    /** Refusal is presumed; only a documented rebuttal by a senior officer can lift it. */
    PRESUMPTION_OF_DENIAL,
    /** An adviser team must be consulted; the route becomes at least enhanced review. */
    REFER,
    /** A weighted red flag adding to the risk score. */
    RED_FLAG,
    /** A licence condition to attach if a licence is granted. */
    CONDITION,
    /** A recorded finding that a concern does not arise; it changes neither route nor score. */
    PASS
}
