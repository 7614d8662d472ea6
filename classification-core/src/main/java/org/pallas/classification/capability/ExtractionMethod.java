package org.pallas.classification.capability;

/** How a forensic tool gets at the data. */
public enum ExtractionMethod implements Choice {
    LOGICAL("Through the device's own interfaces on an unlocked device (backup, documented APIs)"),
    EXPLOIT_BASED("By exploiting vulnerabilities to bypass the lock screen, encryption or security controls");

    private final String label;

    ExtractionMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
