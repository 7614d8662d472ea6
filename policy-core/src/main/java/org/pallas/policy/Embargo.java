package org.pallas.policy;

import java.time.LocalDate;

/** One row of the project-authored embargo table, citing the legal act that imposes it. */
public record Embargo(String iso2, String imposer, Scope scope, String legalAct, LocalDate adopted, String sourceUrl) {

    /** What the measure restricts; the last three reach intrusion and monitoring tools directly. */
    public enum Scope {
        ARMS,
        ARMS_NON_STATE,
        DUAL_USE,
        INTERNAL_REPRESSION,
        TELECOM_MONITORING
    }

    /** "EU: Council Regulation (EU) No 359/2011 (TELECOM_MONITORING)" — the form used in explanations. */
    public String citation() {
        return imposer + ": " + legalAct + " (" + scope + ")";
    }
}
