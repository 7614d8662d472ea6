package org.pallas.classification.capability;

/** The 5A001.f functions of mobile equipment. */
public enum InterceptionFunction implements Choice {
    AIR_INTERFACE_CONTENT("Intercepts voice or data over the air interface (f.1)"),
    SUBSCRIBER_IDENTIFIERS(
            "Extracts phone or subscriber identifiers (IMSI, TMSI, IMEI), signalling or metadata over the air (f.2)"),
    JAMMING("Jams by imitating the radio network or exploiting protocol weaknesses (f.3)"),
    DETECTION("Detects such interception or jamming equipment by radio monitoring (f.4)"),
    NONE("None of these");

    private final String label;

    InterceptionFunction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
