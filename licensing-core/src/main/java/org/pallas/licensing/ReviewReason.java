package org.pallas.licensing;

/** Why a live licence is flagged for review. */
public enum ReviewReason {
    /** Re-screening found a new sanctions or denied-party hit on one of its parties. */
    NEW_SCREENING_HIT,
    /** New evidence of misuse by the end user (e.g. a forensic report). */
    NEW_MISUSE_EVIDENCE
}
