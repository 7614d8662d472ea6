package org.pallas.licensing;

/** What an acting user may do in licensing. Authority roles never belong to an exporter organisation. */
public enum Role {
    /** A member of a vendor organisation: drafts, submits, amends, withdraws, appeals, reports use. */
    EXPORTER,
    /** A licensing-authority case officer: checks, routes, requests advice and information, decides. */
    CASEWORKER,
    /** A member of an adviser team (human rights, national security, defence). */
    ADVISER,
    /** A senior officer: countersigns decisions and handles appeals and licence revocation. */
    SENIOR_OFFICER,
    /** Automated steps: the policy engine's routing, the expiry sweep, re-screening. */
    SYSTEM
}
