package org.pallas.licensing;

/**
 * The end user's oversight as the exporter states it: whether its use of the item is subject to independent
 * authorisation and review (PMP-OVS-1, FOC-P-OVERSIGHT), by which body, under which legal basis (the warrant regime,
 * PMP-ACC-1, FOC-P-LEGAL). Asked of government end users of high-risk items only.
 *
 * @param independent true: under independent oversight; false: not; null: the exporter does not know
 * @param body the oversight body, e.g. "Investigatory Powers Commissioner"
 * @param legalBasis the law and warrant regime, e.g. "Investigatory Powers Act 2016, Part 5 (judicial warrant)"
 */
public record Oversight(Boolean independent, String body, String legalBasis) {

    static final int MAX_TEXT = 500;

    /** Independent oversight counts only when its body and legal basis are named (PMP-OVS-1). */
    public Boolean stated() {
        if (independent == null) {
            return null;
        }
        return independent ? named(body) && named(legalBasis) : Boolean.FALSE;
    }

    private static boolean named(String s) {
        return s != null && !s.isBlank();
    }
}
