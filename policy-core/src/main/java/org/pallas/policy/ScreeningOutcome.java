package org.pallas.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the screening capability reported for one party: the list versions it screened against and its hits.
 *
 * @param listVersions list source to version, e.g. "US-CSL" to "2026-07-31"
 * @param screened false when the party was never screened (then the assessment raises a red flag)
 */
public record ScreeningOutcome(boolean screened, Map<String, String> listVersions, List<Hit> hits) {

    public ScreeningOutcome {
        listVersions = listVersions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(listVersions));
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    public static ScreeningOutcome clear(Map<String, String> listVersions) {
        return new ScreeningOutcome(true, listVersions, List.of());
    }

    static ScreeningOutcome notScreened() {
        return new ScreeningOutcome(false, Map.of(), List.of());
    }

    /**
     * One list entry the matcher reported for the party.
     *
     * @param matchedName the list entry's name or alias the party matched (e.g. a transliteration)
     * @param score the matcher's score, 0 to 1
     * @param sanctioned the entry is on a sanctions list (asset freeze / SDN / EU / UN)
     * @param entityList the entry is on the US Entity List (US-EL-*)
     * @param delistedOn the date the entry was removed from its list; null while listed
     */
    public record Hit(
            String source,
            String entryId,
            String matchedName,
            double score,
            String listVersion,
            boolean sanctioned,
            boolean entityList,
            LocalDate delistedOn) {

        boolean activeOn(LocalDate date) {
            return delistedOn == null || delistedOn.isAfter(date);
        }

        String describe() {
            return source + " " + entryId + " '" + matchedName + "' score " + String.format(Locale.ROOT, "%.2f", score)
                    + " list " + listVersion + (delistedOn == null ? "" : " delisted " + delistedOn);
        }
    }
}
