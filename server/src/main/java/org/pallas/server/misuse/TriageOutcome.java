package org.pallas.server.misuse;

/** What the authority decided to do with a report, with reasons. */
public enum TriageOutcome {
    /** Linked to licences, cases or parties for review (PMP-ACC-3 [R], unverified). */
    REFER_FOR_REVIEW,
    /** Kept as information; no licence or case concerned. */
    RECORD_ONLY,
    /** More is needed from the reporter (ask through the messages). */
    NEEDS_INFORMATION,
    /** Not misuse of intrusion capabilities, or outside this authority's remit. */
    OUT_OF_SCOPE
}
