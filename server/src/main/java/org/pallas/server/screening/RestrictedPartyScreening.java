package org.pallas.server.screening;

import java.util.List;
import org.pallas.screening.ListCatalogue;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.springframework.stereotype.Service;

/**
 * The screening module's one entry point for screening a name against the restricted-party lists in use: searches,
 * batch screening and other modules (licensing screens the parties of a submission here). Each search runs on one
 * consistent set of list versions, replaced atomically when a version is installed, and names them in its result.
 * It records nothing: {@link Searches} records a caller's searches, the party register its screenings.
 */
@Service
public class RestrictedPartyScreening {

    private final ListCatalogue catalogue;
    private final RestrictedLists lists;

    RestrictedPartyScreening(ListCatalogue catalogue, RestrictedLists lists) {
        this.catalogue = catalogue;
        this.lists = lists;
    }

    /** Matches of {@code query} in the list versions in use, best first, with the labels of those versions. */
    public ScreeningResult search(ScreeningQuery query) {
        return catalogue.snapshot().index().search(query);
    }

    /** Labels ({@code source@date#hash}) of the versions in use. */
    public List<String> listVersions() {
        return catalogue.snapshot().index().listVersions();
    }

    /**
     * True once the stored (and, in demo mode, bundled) lists have been loaded at start; before that a search sees
     * only what is loaded so far, and a caller that must not treat that as clear reports the name not screened.
     */
    public boolean loaded() {
        return lists.loaded();
    }
}
