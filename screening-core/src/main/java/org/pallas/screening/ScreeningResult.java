package org.pallas.screening;

import java.util.List;

/**
 * The answer to a query: the list versions screened against and the matches, best first.
 *
 * @param listVersions labels of the list versions in the index (source@date#hash)
 * @param matches      at most the query's limit, ordered by score, then by the number of confirming
 *                     qualifiers, then by source and id
 */
public record ScreeningResult(List<String> listVersions, List<ScreeningMatch> matches) {
    public ScreeningResult {
        listVersions = List.copyOf(listVersions);
        matches = List.copyOf(matches);
    }

    public boolean alerted() {
        return matches.stream().anyMatch(ScreeningMatch::alert);
    }
}
