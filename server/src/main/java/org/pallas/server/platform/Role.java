package org.pallas.server.platform;

/** What a user may do. A user holds one or more roles within one organisation. */
public enum Role {
    /** Staff of an exporting vendor: files and follows its own organisation's applications. */
    EXPORTER,
    /** Licensing-authority caseworker: handles applications. */
    CASEWORKER,
    /** Adviser in an advisory department (human rights, national security, defence). */
    ADVISER,
    /** Senior officer of the licensing authority: decides. */
    SENIOR_OFFICER,
    /** Oversight body member: reads across all cases, never changes them; every read is logged. */
    OVERSIGHT,
    /** Auditor: verifies the records and the transparency ledger. */
    AUDITOR,
    /** Administrator: manages organisations and users. */
    ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
