package org.pallas.classification;

import java.util.List;

/**
 * An entry that catches (or, for a candidate, may catch) the item. {@code relatedTo} names the item an
 * entry is "for" (4E001.a for 4D004, 5D001.c for 5A001.j) and {@code subparagraphs} the parts that bite
 * (5A001.f.2). {@code usReasons} holds the CCL reasons for control in the US result only.
 */
public record EntryMatch(
        String code,
        String relatedTo,
        List<String> subparagraphs,
        String title,
        String citation,
        boolean unverified,
        List<String> usReasons,
        List<String> rules) {

    public EntryMatch {
        subparagraphs = List.copyOf(subparagraphs);
        usReasons = List.copyOf(usReasons);
        rules = List.copyOf(rules);
    }

    /** The code as usually written, e.g. "5D001.c (for 5A001.j)". */
    public String label() {
        return label(code, relatedTo, subparagraphs);
    }

    static String label(String code, String relatedTo, List<String> subparagraphs) {
        String base = subparagraphs.isEmpty() ? code : code + " (" + String.join(", ", subparagraphs) + ")";
        return relatedTo == null ? base : base + " for " + relatedTo;
    }
}
