package org.pallas.classification.capability;

/** What the product extracts, collects or modifies. */
public enum DataCategory implements Choice {
    MESSAGES("Messages and e-mail, including end-to-end encrypted apps"),
    LIVE_AUDIO_VIDEO("Live microphone or camera"),
    LOCATION("Location"),
    CONTACTS("Contacts and call logs"),
    CREDENTIALS("Passwords, tokens and keys"),
    FILES("Files and photos"),
    DEVICE_IDENTIFIERS("Device or subscriber identifiers"),
    NETWORK_METADATA("Network traffic metadata"),
    PLANTS_OR_ALTERS_DATA("Plants or alters data on the device"),
    NONE("None");

    private final String label;

    DataCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
