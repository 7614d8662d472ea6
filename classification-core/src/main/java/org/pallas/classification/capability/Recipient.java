package org.pallas.classification.capability;

/** Who receives the technology. */
public enum Recipient implements Choice {
    AFFECTED_VENDOR("The vendor or maintainer of the affected product (its security team)"),
    COORDINATOR("A CERT, CSIRT or coordinator that organises the fix"),
    INCIDENT_VICTIM("The organisation hit by the incident or its incident-response team"),
    GOVERNMENT_CUSTOMER("A government customer"),
    COMMERCIAL_CUSTOMER("A commercial customer"),
    BROKER("An exploit broker or other intermediary");

    private final String label;

    Recipient(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
