package org.pallas.classification.capability;

/** Which platforms the product targets. */
public enum TargetPlatform implements Choice {
    IOS("iOS"),
    ANDROID("Android"),
    WINDOWS("Windows"),
    MACOS("macOS"),
    LINUX("Linux"),
    NETWORK_DEVICES("Routers, firewalls and other network devices"),
    IOT("IoT and embedded devices"),
    CLOUD_ACCOUNTS("Cloud and messaging accounts"),
    TELECOM_NETWORKS("Telecommunications networks"),
    OTHER("Other");

    private final String label;

    TargetPlatform(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
