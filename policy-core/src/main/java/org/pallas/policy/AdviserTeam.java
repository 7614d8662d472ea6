package org.pallas.policy;

/**
 * The adviser teams a caseworker consults (UK-GEN-1: advice from FCDO, MOD and other departments). The one type for
 * them: the rulebook names them, licensing asks them for advice, and an adviser's account belongs to one.
 */
public enum AdviserTeam {
    HUMAN_RIGHTS("Human rights"),
    NATIONAL_SECURITY("National security"),
    DEFENCE("Defence");

    private final String label;

    AdviserTeam(String label) {
        this.label = label;
    }

    /** How pages name the team. */
    public String label() {
        return label;
    }
}
