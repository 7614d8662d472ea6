package org.pallas.policy;

import java.util.Objects;

/**
 * The stated end use.
 *
 * @param statement the end-use statement as provided; null or blank when none was provided
 * @param targeted true when the statement limits use to specific, lawful targets (PMP-PRE-1)
 */
public record EndUse(Category category, String statement, boolean targeted) {

    public EndUse {
        Objects.requireNonNull(category, "endUse.category");
    }

    public boolean statementProvided() {
        return statement != null && !statement.isBlank();
    }

    public enum Category {
        /** Reporting a vulnerability to those who remediate it (WA-DEF-VD, WA-4E001-N1). */
        VULNERABILITY_DISCLOSURE,
        /** Exchanging incident information with those who remediate it (WA-DEF-CIR, WA-4E001-N1). */
        INCIDENT_RESPONSE,
        /** Authorised testing of the customer's own systems (PMP-COP-LEGITSEC). */
        PENETRATION_TESTING,
        /** Research and tool development, including red-team tooling. */
        SECURITY_RESEARCH,
        /** Criminal investigation by a law-enforcement body. */
        LAW_ENFORCEMENT,
        /** Intelligence collection by a security or intelligence service. */
        INTELLIGENCE,
        /** Military cyber operations. */
        MILITARY_OPERATIONS,
        /** Anything else; the statement must say what. */
        OTHER
    }
}
