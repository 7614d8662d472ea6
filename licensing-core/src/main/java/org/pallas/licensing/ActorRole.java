package org.pallas.licensing;

/**
 * The role in which an {@link Actor} acts on a case or licence. Not the account role a user holds (the server's
 * {@code platform.Role}): this core cannot see the server, it adds {@link #SYSTEM} for automated steps, and the
 * account roles that never act on a case (oversight, auditor, administrator) have no counterpart here. The server
 * maps one to the other in one place ({@code licensing.cases.CaseActors}). Authority roles never belong to an
 * exporter organisation.
 */
public enum ActorRole {
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
