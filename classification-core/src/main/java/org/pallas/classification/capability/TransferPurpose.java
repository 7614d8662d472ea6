package org.pallas.classification.capability;

/** Why technology is handed over. */
public enum TransferPurpose implements Choice {
    SALE_OR_LICENCE("Sale, licence or other commercial supply"),
    VULNERABILITY_DISCLOSURE("Reporting a vulnerability so that it gets fixed"),
    INCIDENT_RESPONSE("Responding to a cybersecurity incident"),
    PUBLICATION("Publication: open source, a public paper or talk"),
    INTERNAL("Transfer inside the company group");

    private final String label;

    TransferPurpose(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
