package org.pallas.classification.capability;

/** Categories the intrusion-software definition leaves out (WA-DEF-IS-X1..X3). */
public enum ExcludedCategory implements Choice {
    HYPERVISOR("Hypervisor"),
    DEBUGGER("Debugger"),
    REVERSE_ENGINEERING("Software reverse-engineering tool"),
    DRM("Digital rights management (DRM)"),
    ASSET_TRACKING("Asset tracking or recovery installed by the manufacturer, administrator or user"),
    NONE("None of these");

    private final String label;

    ExcludedCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
