package org.pallas.classification.capability;

/** Designs that 5A001.f.1 and f.2 leave out (WA-5A001F-X). */
public enum InterceptionExclusion implements Choice {
    ANALOGUE_PMR("Specially designed for analogue private mobile radio"),
    WLAN("Specially designed for IEEE 802.11 WLAN"),
    OPERATOR_EQUIPMENT("Designed for mobile network operators"),
    TELECOM_DEVELOPMENT("Designed for developing or producing mobile telecommunications equipment"),
    NONE("None of these");

    private final String label;

    InterceptionExclusion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
