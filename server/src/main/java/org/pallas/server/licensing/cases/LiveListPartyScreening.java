package org.pallas.server.licensing.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pallas.licensing.Party;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.server.screening.RestrictedPartyScreening;
import org.springframework.stereotype.Component;

/**
 * Screens the parties of a submitted application through the screening module's entry point ({@link
 * RestrictedPartyScreening}: the list versions in use, the same its party register and search use). While the lists
 * are still loading at start the party is reported "not screened", which the rulebook treats as a red flag
 * (RF-PARTY-NOT-SCREENED, EUREC-DD-2) rather than as clear.
 */
@Component
public class LiveListPartyScreening implements PartyScreening {

    private static final ScreeningOutcome NOT_SCREENED = new ScreeningOutcome(false, Map.of(), List.of());

    private final RestrictedPartyScreening lists;

    LiveListPartyScreening(RestrictedPartyScreening lists) {
        this.lists = lists;
    }

    @Override
    public ScreeningOutcome screen(Party party) {
        if (!loaded() || party.name() == null || party.name().isBlank()) {
            return NOT_SCREENED;
        }
        ScreeningResult result = lists.search(new ScreeningQuery(
                party.name(), EntryKind.ANY, party.countryCode(), null, List.of(), ScreeningQuery.DEFAULT_LIMIT));
        Map<String, String> versions = versions(result.listVersions());
        List<ScreeningOutcome.Hit> hits = new ArrayList<>();
        for (ScreeningMatch match : result.matches()) {
            if (match.alert()) {
                ListEntry entry = match.entry();
                hits.add(new ScreeningOutcome.Hit(
                        entry.source(),
                        entry.id(),
                        match.matchedName(),
                        match.score(),
                        versions.getOrDefault(entry.source(), String.join(" ", result.listVersions())),
                        sanctioned(entry),
                        entityList(entry),
                        entry.delistedOn()));
            }
        }
        return new ScreeningOutcome(true, versions, hits);
    }

    /**
     * Never waits for the start-up load. A party screened before the lists are loaded is reported not screened
     * (RF-PARTY-NOT-SCREENED keeps it off the fast track) and is screened from the party register when the lists load;
     * the demo applications wait for {@link org.pallas.server.screening.RestrictedLists.Loaded} instead.
     */
    private boolean loaded() {
        return lists.loaded();
    }

    /** Labels are {@code source@date#hash}: source to the rest. */
    public static Map<String, String> versions(List<String> labels) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String label : labels) {
            int at = label.indexOf('@');
            versions.put(at < 0 ? label : label.substring(0, at), at < 0 ? label : label.substring(at + 1));
        }
        return versions;
    }

    /** US OFAC, UN, EU and UK asset-freeze lists, and the SDN part of the US Consolidated Screening List. */
    static boolean sanctioned(ListEntry entry) {
        String source = entry.source();
        return source.startsWith("US-OFAC")
                || source.equals("UN-SC")
                || source.startsWith("EU-")
                || source.startsWith("UK-")
                || programme(entry, "specially designated nationals");
    }

    /** The US Entity List (US-EL-RULE-1), on its own or as part of the Consolidated Screening List. */
    static boolean entityList(ListEntry entry) {
        return entry.source().equals("US-EL") || programme(entry, "entity list");
    }

    private static boolean programme(ListEntry entry, String words) {
        return entry.programmes().stream()
                .anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(words));
    }
}
