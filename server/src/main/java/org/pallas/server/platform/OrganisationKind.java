package org.pallas.server.platform;

/** The kinds of organisation that take part in export-licensing oversight. */
public enum OrganisationKind {
    EXPORTER("Exporter"),
    LICENSING_AUTHORITY("Licensing authority"),
    ADVISORY_DEPARTMENT("Advisory department"),
    OVERSIGHT_BODY("Oversight body"),
    CIVIL_SOCIETY("Civil-society organisation");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
