package org.pallas.screening;

import java.util.List;

/**
 * One list entry that matched a query.
 *
 * @param entryId     the entry's id in its list
 * @param source      the list
 * @param listedName  the entry's primary name
 * @param matchedName the entry's name that matched best (may be an alias or an original-script name)
 * @param score       in [0, 1]
 * @param alert       score at or above the alert threshold
 * @param explanation the steps that produced the score, in words
 * @param entry       the entry itself
 */
public record ScreeningMatch(
        String entryId,
        String source,
        String listedName,
        String matchedName,
        double score,
        boolean alert,
        List<String> explanation,
        ListEntry entry) {
    public ScreeningMatch {
        explanation = List.copyOf(explanation);
    }
}
