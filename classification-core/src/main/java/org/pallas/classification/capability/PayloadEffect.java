package org.pallas.classification.capability;

/** What the exploit or implant does on the target (WA-DEF-IS effects). */
public enum PayloadEffect implements Choice {
    EXTRACTS_DATA("Extracts data or information from the device"),
    MODIFIES_DATA("Modifies system or user data"),
    ALTERS_EXECUTION("Changes a program's normal execution so that outside instructions run"),
    NONE("None of these");

    private final String label;

    PayloadEffect(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
