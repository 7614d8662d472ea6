package org.pallas.classification.capability;

/** How updates reach the customer's installation. */
public enum UpdateChannel implements Choice {
    CUSTOMER_INSTALLED("The customer installs updates received from the vendor"),
    VENDOR_PUSH_WITH_APPROVAL("The vendor pushes updates that the customer approves"),
    VENDOR_REMOTE_ACCESS("The vendor logs in remotely to the customer's system"),
    NO_UPDATES("No updates");

    private final String label;

    UpdateChannel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
