package org.pallas.server.platform;

/** The team of an adviser in an advisory department; advice requests are routed by team. */
public enum AdviserTeam {
    HUMAN_RIGHTS("Human rights"),
    NATIONAL_SECURITY("National security"),
    DEFENCE("Defence");

    private final String label;

    AdviserTeam(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
