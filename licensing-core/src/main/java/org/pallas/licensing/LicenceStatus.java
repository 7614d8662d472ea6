package org.pallas.licensing;

/** The life of a licence (LITE's licence statuses, peers.md §2.1, without draft and cancelled). */
public enum LicenceStatus {
    ISSUED,
    SUSPENDED,
    REINSTATED,
    REVOKED,
    SURRENDERED,
    EXPIRED,
    /** Every capped quantity is used; after-sales updates and support may continue within their period. */
    EXHAUSTED;

    /** The licence still governs something delivered, so new evidence about its parties matters. */
    public boolean isLive() {
        return this == ISSUED || this == REINSTATED || this == SUSPENDED || this == EXHAUSTED;
    }
}
