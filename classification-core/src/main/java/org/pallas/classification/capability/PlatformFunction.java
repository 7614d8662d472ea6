package org.pallas.classification.capability;

/** What the product does with intrusion software (4A005/4D004). */
public enum PlatformFunction implements Choice {
    GENERATE("Generates or builds exploits or implants"),
    COMMAND_AND_CONTROL("Commands and controls deployed implants"),
    DELIVER("Delivers exploits or implants to target devices"),
    NONE("None of these");

    private final String label;

    PlatformFunction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
