package org.pallas.classification.capability;

/** Safeguards built into the product. */
public enum Safeguard implements Choice {
    TAMPER_PROOF_AUDIT_LOG("Audit log of every operation that the customer cannot erase"),
    TARGET_SCOPING("Target scoping or geofencing"),
    KILL_SWITCH("Kill switch that the vendor or an authority can trigger"),
    NO_VENDOR_DATA_ACCESS("The vendor has no access to collected data"),
    NONE("None of these");

    private final String label;

    Safeguard(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
