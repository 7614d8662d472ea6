package org.pallas.classification.capability;

/** What the network system is specially designed for. */
public enum NetworkPurpose implements Choice {
    MARKETING("Marketing"),
    QUALITY_OF_SERVICE("Network quality of service (QoS)"),
    QUALITY_OF_EXPERIENCE("Quality of experience (QoE)"),
    NETWORK_SECURITY("Network security (threat detection)"),
    SURVEILLANCE("Surveillance or intelligence"),
    OTHER("Something else");

    private final String label;

    NetworkPurpose(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
