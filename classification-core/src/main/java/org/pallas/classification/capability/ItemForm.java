package org.pallas.classification.capability;

/** The form in which the product leaves the company. */
public enum ItemForm implements Choice {
    HARDWARE("Hardware: a system, appliance, equipment or component"),
    SOFTWARE("Software (installed, downloaded or hosted for the customer to run)"),
    TECHNOLOGY("Technology: technical documents, write-ups, source-level know-how or training"),
    SERVICE("A service only: the customer receives results or remote access, not the software");

    private final String label;

    ItemForm(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
