package org.pallas.screening;

/**
 * One normalised part of a name.
 *
 * @param text     the comparable form (ASCII, lower case; legal forms replaced by their compare form)
 * @param role     what the part is, which sets its weight
 * @param symbol   the equivalence class of a legal form or organisation term ("lf:ltd", "org:co"), or null
 * @param generic  for legal forms, the generic class (LLC, JSC, ...), or null
 * @param phonetic Double Metaphone key, or "" for non-words
 * @param abjad    whether the part was transliterated from a script that omits vowels (Arabic, Hebrew)
 * @param surface  the part as written, for explanations
 */
record Token(String text, Role role, String symbol, String generic, String phonetic, boolean abjad, String surface) {

    /** The kinds of name part, with the weight each carries in the alignment score. */
    enum Role {
        WORD(1.0),
        NUMBER(1.3),
        LEGAL_FORM(0.3),
        ORG_TERM(0.5),
        STOP_WORD(0.3),
        PARTICLE(0.5),
        INITIAL(0.5),
        PATRONYMIC(0.5);

        final double weight;

        Role(double weight) {
            this.weight = weight;
        }
    }

    double weight() {
        return role.weight;
    }

    boolean content() {
        return role == Role.WORD || role == Role.NUMBER;
    }
}
