package org.pallas.screening;

import java.util.List;

/**
 * A name after normalisation.
 *
 * @param raw      the name as given
 * @param key      the tokens joined by single spaces: equal keys are an exact match
 * @param original the name in its own non-Latin script (NFKC, case-folded, punctuation collapsed), or
 *                 null for Latin names; equal originals are an exact cross-script match
 * @param tokens   the parts
 * @param script   the dominant script of the raw name
 * @param homoglyphs whether Latin words contained look-alike letters of another script
 */
record NormalisedName(String raw, String key, String original, List<Token> tokens, String script, boolean homoglyphs) {}
