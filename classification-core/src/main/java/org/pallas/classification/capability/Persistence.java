package org.pallas.classification.capability;

/** Whether the implant survives on the device. */
public enum Persistence implements Choice {
    NONE("No persistence: gone after reboot"),
    SURVIVES_REBOOT("Survives reboot"),
    FIRMWARE("Survives reinstallation (firmware or boot level)"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    Persistence(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
