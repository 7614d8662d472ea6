package org.pallas.server.screening;

import java.util.ArrayList;
import java.util.List;
import org.pallas.screening.ListCatalogue;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ScreeningIndex;
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
    private volatile AsListed asListed;

    /** The index over every entry of one snapshot's versions, delisted ones included. */
    private record AsListed(ListCatalogue.Snapshot snapshot, ScreeningIndex index) {}

    RestrictedPartyScreening(ListCatalogue catalogue, RestrictedLists lists) {
        this.catalogue = catalogue;
        this.lists = lists;
    }

    /** Matches of {@code query} in the list versions in use, best first, with the labels of those versions. */
    public ScreeningResult search(ScreeningQuery query) {
        return catalogue.snapshot().index().search(query);
    }

    /**
     * Matches of {@code query} in the list versions in use counting delisted entries too, each match carrying its
     * entry's delisting date: for a caller that judges whether a listing was in force on a date of its own (policy
     * assesses facts as of their date, HS-SANCTIONED-PARTY). Built once per set of versions in use, on first use.
     */
    public ScreeningResult searchAsListed(ScreeningQuery query) {
        ListCatalogue.Snapshot snapshot = catalogue.snapshot();
        AsListed current = asListed;
        if (current == null || current.snapshot() != snapshot) {
            synchronized (this) {
                current = asListed;
                if (current == null || current.snapshot() != snapshot) {
                    List<ListEntry> entries = new ArrayList<>();
                    snapshot.versions().values().forEach(v -> entries.addAll(v.entries()));
                    current = new AsListed(
                            snapshot,
                            ScreeningIndex.ofEntries(
                                    entries,
                                    snapshot.index().listVersions(),
                                    snapshot.index().config()));
                    asListed = current;
                }
            }
        }
        return current.index().search(query);
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
