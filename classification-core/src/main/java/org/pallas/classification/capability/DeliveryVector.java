package org.pallas.classification.capability;

/** How the exploit or implant reaches the target. */
public enum DeliveryVector implements Choice {
    ZERO_CLICK("Zero-click: no action by the target"),
    ONE_CLICK("One-click: the target opens a link or file"),
    PHYSICAL_ACCESS("Physical access to the device"),
    NETWORK_INJECTION("Network injection (traffic redirected on the operator's network)"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    DeliveryVector(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
