package org.pallas.policy;

/** Licence conditions the rulebook can suggest (PMP-PRE-2, EUREC-DD-4, UK-SUSPEND). */
public enum LicenceCondition {
    TAMPER_PROOF_AUDIT_LOGS("The end user keeps tamper-proof audit logs of every use, available to the authority."),
    NO_ONWARD_TRANSFER("No re-export, onward transfer or resale without the authority's prior written consent."),
    TARGET_SCOPING("Use is limited to specific, individually authorised targets; no bulk or untargeted deployment."),
    POST_SHIPMENT_VERIFICATION("The authority or its delegate may verify the installation and use after delivery."),
    QUARTERLY_USAGE_REPORTING("The exporter reports deployments and uses to the authority every quarter."),
    ANNUAL_USAGE_REPORTING("The exporter reports deployments to the authority every year."),
    END_USER_UNDERTAKING("A signed end-user undertaking naming the end use and the end user is on file."),
    NO_VENDOR_OPERATION("The vendor neither operates the system nor keeps remote access to it after delivery.");

    private final String text;

    LicenceCondition(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
