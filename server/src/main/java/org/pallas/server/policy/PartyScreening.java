package org.pallas.server.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pallas.policy.Application;
import org.pallas.policy.Party;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ImportProgress;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.evaluation.BundledLists;
import org.pallas.screening.importing.ListFormat;
import org.pallas.screening.importing.ListImportException;
import org.pallas.screening.importing.ListImporter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Screens the parties of an assessment that arrive without a screening outcome, with {@code screening-core}
 * against the bundled lists. The server module of screening (list imports, alerts, dispositions) is a separate
 * capability; this index only lets a stateless pre-check screen its parties.
 *
 * <p>The list shipped in the jar is the project's spyware-sector list (Entity List and OFAC CYBER2 designations,
 * with delistings; see {@code lists/SOURCES.md}). With {@code pallas.policy.sanctions-dir} pointing at a copy of
 * {@code shared/data/sanctions/} the full bundled lists (OFAC, UN, CSL, DPL) are screened as well.
 *
 * <p>The index holds delisted entries too, each hit carrying its delisting date: whether a listing was in force is
 * judged by the rulebook against the assessment date (HS-SANCTIONED-PARTY, HS-ENTITY-LIST-PARTY), so an
 * assessment dated before a delisting still stops and one after it does not.
 */
@Component
class PartyScreening {

    static final String SHIPPED_LIST = "lists/spyware_sector_restrictions_2026.csv";

    private final Clock clock;
    private final String sanctionsDir;
    private volatile Index index;

    PartyScreening(Clock clock, @Value("${pallas.policy.sanctions-dir:}") String sanctionsDir) {
        this.clock = clock;
        this.sanctionsDir = sanctionsDir;
    }

    /** The index and the versions it was built from, as SOURCE to VERSION (e.g. "PALLAS-SPYWARE" to "2025-12-30#ab12cd34"). */
    record Index(ScreeningIndex index, Map<String, String> listVersions) {
    }

    /** The application with every unscreened party screened; parties that came with an outcome keep it. */
    Application screenUnscreened(Application application) {
        List<Party> parties = new ArrayList<>();
        boolean changed = false;
        for (Party party : application.parties()) {
            if (party.screening().screened()) {
                parties.add(party);
            } else {
                parties.add(new Party(party.role(), party.name(), party.country(), party.endUserType(), party.agency(),
                        party.sector(), party.independentOversight(), screen(party)));
                changed = true;
            }
        }
        if (!changed) {
            return application;
        }
        return new Application(application.reference(), application.asOf(), application.product(), parties,
                application.destinations(), application.endUse(), application.dueDiligence(),
                application.misuseMatches(), application.priorDenials(), application.exporterRecord());
    }

    ScreeningOutcome screen(Party party) {
        Index current = index();
        // Persons and organisations alike: the assessment's facts do not say which a party is.
        ScreeningQuery query = new ScreeningQuery(party.name(), EntryKind.ANY, party.country(), null, List.of(),
                ScreeningQuery.DEFAULT_LIMIT);
        List<ScreeningOutcome.Hit> hits = new ArrayList<>();
        for (ScreeningMatch match : current.index().search(query).matches()) {
            if (match.alert()) {
                ListEntry entry = match.entry();
                hits.add(new ScreeningOutcome.Hit(entry.source(), entry.id(), match.matchedName(), match.score(),
                        current.listVersions().getOrDefault(versionKey(entry), "unknown"), sanctioned(entry),
                        entityList(entry), entry.delistedOn()));
            }
        }
        return new ScreeningOutcome(true, current.listVersions(), hits);
    }

    Index index() {
        Index current = index;
        if (current == null) {
            synchronized (this) {
                current = index;
                if (current == null) {
                    current = build();
                    index = current;
                }
            }
        }
        return current;
    }

    private Index build() {
        List<ListVersion> versions = new ArrayList<>();
        try {
            if (sanctionsDir.isBlank()) {
                versions.add(new ListImporter(clock, ImportProgress.NONE).importInputs(ListFormat.PROJECT_CSV,
                        "PALLAS-SPYWARE", null, List.of(ListImporter.Input.of("spyware_sector_restrictions_2026.csv",
                                shippedList()))));
            } else {
                Path dir = Path.of(sanctionsDir);
                if (!Files.isDirectory(dir)) {
                    throw new IllegalStateException("pallas.policy.sanctions-dir " + dir + " is not a directory");
                }
                versions.addAll(BundledLists.importAll(dir, clock));
            }
        } catch (ListImportException e) {
            throw new IllegalStateException("bundled screening lists could not be imported: " + e.getMessage(), e);
        }
        List<ListEntry> entries = new ArrayList<>();
        Map<String, String> listVersions = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (ListVersion version : versions) {
            // Delisted entries stay in the index: the rulebook judges each hit against the assessment date.
            entries.addAll(version.entries());
            labels.add(version.label());
            listVersions.put(version.source(), version.label().substring(version.source().length() + 1));
        }
        return new Index(ScreeningIndex.ofEntries(entries, labels, ScoringConfig.defaults()), Map.copyOf(listVersions));
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
        return source.startsWith("US-OFAC") || source.equals("UN-SC") || source.startsWith("EU-")
                || source.startsWith("UK-") || programme(entry, "specially designated nationals");
    }

    /** The US Entity List (US-EL-RULE-1), on its own or as part of the Consolidated Screening List. */
    static boolean entityList(ListEntry entry) {
        return entry.source().equals("US-EL") || programme(entry, "entity list");
    }

    private static boolean programme(ListEntry entry, String words) {
        return entry.programmes().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(words));
    }

    private static byte[] shippedList() {
        try (InputStream in = PartyScreening.class.getResourceAsStream(SHIPPED_LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED_LIST);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
