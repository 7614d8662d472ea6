package org.pallas.server.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pallas.policy.Application;
import org.pallas.policy.Party;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.server.screening.RestrictedPartyScreening;
import org.springframework.stereotype.Component;

/**
 * Screens the parties of an assessment that arrive without a screening outcome, through the screening module's entry
 * point: the list versions it has in use, the same that searches, the party register and licensing screen against.
 *
 * <p>Delisted entries count too, each hit carrying its delisting date: whether a listing was in force is judged by the
 * rulebook against the assessment date (HS-SANCTIONED-PARTY, HS-ENTITY-LIST-PARTY), so an assessment dated before a
 * delisting still stops and one after it does not. While the lists are still loading at start a party is reported not
 * screened, which the rulebook treats as a red flag (RF-PARTY-NOT-SCREENED) rather than as clear.
 */
@Component
class PartyScreening {

    private static final ScreeningOutcome NOT_SCREENED = new ScreeningOutcome(false, Map.of(), List.of());

    private final RestrictedPartyScreening lists;

    PartyScreening(RestrictedPartyScreening lists) {
        this.lists = lists;
    }

    /** The application with every unscreened party screened; parties that came with an outcome keep it. */
    Application screenUnscreened(Application application) {
        List<Party> parties = new ArrayList<>();
        boolean changed = false;
        for (Party party : application.parties()) {
            if (party.screening().screened()) {
                parties.add(party);
            } else {
                parties.add(new Party(
                        party.role(),
                        party.name(),
                        party.country(),
                        party.endUserType(),
                        party.agency(),
                        party.sector(),
                        party.independentOversight(),
                        screen(party)));
                changed = true;
            }
        }
        if (!changed) {
            return application;
        }
        return new Application(
                application.reference(),
                application.asOf(),
                application.product(),
                parties,
                application.destinations(),
                application.endUse(),
                application.dueDiligence(),
                application.misuseMatches(),
                application.priorDenials(),
                application.exporterRecord());
    }

    ScreeningOutcome screen(Party party) {
        if (!lists.loaded()) {
            return NOT_SCREENED;
        }
        // Persons and organisations alike: the assessment's facts do not say which a party is.
        ScreeningResult result = lists.searchAsListed(new ScreeningQuery(
                party.name(), EntryKind.ANY, party.country(), null, List.of(), ScreeningQuery.DEFAULT_LIMIT));
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
                        versions.getOrDefault(versionKey(entry), "unknown"),
                        sanctioned(entry),
                        entityList(entry),
                        entry.delistedOn()));
            }
        }
        return new ScreeningOutcome(true, versions, hits);
    }

    /** Labels are {@code source@date#hash}: source to the rest. */
    static Map<String, String> versions(List<String> labels) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String label : labels) {
            int at = label.indexOf('@');
            versions.put(at < 0 ? label : label.substring(0, at), at < 0 ? label : label.substring(at + 1));
        }
        return versions;
    }

    /** The list version an entry came from: project rows name their own source (US-EL, US-OFAC). */
    private static String versionKey(ListEntry entry) {
        return switch (entry.source()) {
            case "US-EL", "US-OFAC" -> "PALLAS-SPYWARE";
            default -> entry.source();
        };
    }

    /** US-OFAC-1 / UN / EU / UK asset-freeze lists, and the SDN part of the US Consolidated Screening List. */
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
