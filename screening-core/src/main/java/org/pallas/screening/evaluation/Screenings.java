package org.pallas.screening.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;
import org.pallas.screening.NameMatcher;
import org.pallas.screening.PartialDate;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.screening.importing.CountryCodes;

/** The retrieval-level evaluations: UN positives, synthetic negatives, OFAC-style cases, cross-script pairs. */
public final class Screenings {
    private Screenings() {}

    /** A person from the yente fixtures. */
    public record Person(String fullName, PartialDate birthDate, String country) {
        ScreeningQuery query(boolean qualifiers, int limit) {
            return new ScreeningQuery(
                    fullName,
                    EntryKind.PERSON,
                    qualifiers ? country : null,
                    qualifiers ? birthDate : null,
                    List.of(),
                    limit);
        }
    }

    public static List<Person> people(Path csv, int stride) throws IOException {
        List<List<String>> rows = SimpleCsv.read(csv);
        List<Person> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r += stride) {
            List<String> f = rows.get(r);
            PartialDate dob = null;
            try {
                dob = f.get(5).isBlank() ? null : PartialDate.parse(f.get(5));
            } catch (IllegalArgumentException e) {
                dob = null; // a handful of fixture dates are partial text; screened without a date
            }
            String nat = f.size() > 7 ? f.get(7) : "";
            out.add(new Person(f.get(0), dob, CountryCodes.resolve(nat)));
        }
        return out;
    }

    /** Recall of UN positives: the expected entry is resolved by exact listed-name text, not by the engine. */
    public record Recall(int rows, int resolved, int at1, int at5, int atThreshold, double meanRank) {
        public double recallAt1() {
            return (double) at1 / resolved;
        }

        public double recallAt5() {
            return (double) at5 / resolved;
        }

        public double recallAtThreshold() {
            return (double) atThreshold / resolved;
        }
    }

    static String plainKey(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * Resolves each untreated row to UN entries with exactly that name (by plain text, independent of
     * the matcher; birth year breaks ties), then screens the untreated or treated row of the same
     * index and checks where the expected entry ranks.
     */
    public static Recall unRecall(
            ListVersion un, ScreeningIndex unIndex, List<Person> untreated, List<Person> screened, boolean qualifiers) {
        Map<String, List<ListEntry>> byName = new HashMap<>();
        for (ListEntry e : un.entries()) {
            e.names()
                    .forEach(n -> byName.computeIfAbsent(plainKey(n.value()), k -> new ArrayList<>())
                            .add(e));
        }
        int resolved = 0;
        int at1 = 0;
        int at5 = 0;
        int atThreshold = 0;
        long rankSum = 0;
        for (int i = 0; i < untreated.size(); i++) {
            Person p = untreated.get(i);
            List<ListEntry> expected = byName.getOrDefault(plainKey(p.fullName()), List.of());
            if (expected.size() > 1 && p.birthDate() != null) {
                List<ListEntry> sameYear = expected.stream()
                        .filter(e -> e.birthDates().stream()
                                .anyMatch(d -> d.year() == p.birthDate().year()))
                        .toList();
                expected = sameYear.isEmpty() ? expected : sameYear;
            }
            if (expected.isEmpty()) {
                continue;
            }
            resolved++;
            var ids = expected.stream().map(ListEntry::id).toList();
            ScreeningResult r = unIndex.search(screened.get(i).query(qualifiers, 5));
            int rank = 6;
            for (int k = 0; k < r.matches().size(); k++) {
                if (ids.contains(r.matches().get(k).entryId())) {
                    rank = k + 1;
                    if (r.matches().get(k).alert()) {
                        atThreshold++;
                    }
                    break;
                }
            }
            rankSum += rank;
            at1 += rank == 1 ? 1 : 0;
            at5 += rank <= 5 ? 1 : 0;
        }
        return new Recall(untreated.size(), resolved, at1, at5, atThreshold, (double) rankSum / Math.max(1, resolved));
    }

    /** Alerts raised over a set of parties that should match nothing. */
    public record FalseAlerts(int screened, int alerted, List<String> examples, int[] topScoreHistogram) {
        public double per100k() {
            return 100_000.0 * alerted / screened;
        }
    }

    public static FalseAlerts negatives(ScreeningIndex index, List<Person> people, boolean qualifiers) {
        int alerted = 0;
        List<String> examples = new ArrayList<>();
        int[] histogram = new int[11];
        for (Person p : people) {
            ScreeningResult r = index.search(p.query(qualifiers, 1));
            double top = r.matches().isEmpty() ? 0 : r.matches().get(0).score();
            histogram[(int) Math.floor(top * 10)]++;
            if (r.alerted()) {
                alerted++;
                if (examples.size() < 15) {
                    ScreeningMatch m = r.matches().get(0);
                    examples.add(String.format(
                            Locale.ROOT,
                            "%s -> %s %s '%s' %.3f",
                            p.fullName(),
                            m.source(),
                            m.entryId(),
                            m.matchedName(),
                            m.score()));
                }
            }
        }
        return new FalseAlerts(people.size(), alerted, examples, histogram);
    }

    /** One OFAC-style case (watchman-java) with its outcome. */
    public record OfacCase(
            String id, String category, String value, String expected, boolean alerted, double top, String topMatch) {
        public boolean passed() {
            return switch (expected) {
                case "must_alert", "should_alert" -> alerted;
                case "must_not_alert" -> !alerted;
                default -> true; // may_alert and context_dependent carry no expectation on the name alone
            };
        }
    }

    public static List<OfacCase> ofacCases(Path csv, ScreeningIndex index) throws IOException {
        List<List<String>> rows = SimpleCsv.read(csv);
        List<OfacCase> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> f = rows.get(r);
            ScreeningResult res = index.search(ScreeningQuery.of(f.get(5), EntryKind.ANY));
            ScreeningMatch top = res.matches().isEmpty() ? null : res.matches().get(0);
            out.add(new OfacCase(
                    f.get(0),
                    f.get(1),
                    f.get(5),
                    f.get(6),
                    res.alerted(),
                    top == null ? 0 : top.score(),
                    top == null ? "" : top.source() + " " + top.entryId() + " '" + top.matchedName() + "'"));
        }
        return out;
    }

    /** A cross-script pair (watchman) with watchman's minimum and our score. */
    public record CrossScript(String query, String expected, double minimum, double score, String description) {}

    public static List<CrossScript> crossScript(Path csv, NameMatcher matcher) throws IOException {
        List<CrossScript> out = new ArrayList<>();
        for (List<String> f : SimpleCsv.read(csv)) {
            if (f.size() < 3 || f.get(0).startsWith("Query")) {
                continue;
            }
            out.add(new CrossScript(
                    f.get(0),
                    f.get(1),
                    Double.parseDouble(f.get(2)),
                    matcher.score(f.get(0), f.get(1), EntryKind.PERSON),
                    f.size() > 3 ? f.get(3) : ""));
        }
        return out;
    }

    /** A realistic variant of a spyware-sector name that must (or must not) alert. */
    public record Variant(String query, EntryKind kind, boolean mustAlert) {}

    /** Variants of the spyware-sector designations (Done-when of the product issue). */
    public static final List<Variant> SPYWARE_VARIANTS = List.of(
            new Variant("Intellexa", EntryKind.ORGANISATION, true),
            new Variant("INTELLEXA S.A.", EntryKind.ORGANISATION, true),
            new Variant("Intellexa SA", EntryKind.ORGANISATION, true),
            new Variant("Intellexa Ltd", EntryKind.ORGANISATION, true),
            new Variant("Intelexa Limited", EntryKind.ORGANISATION, true),
            new Variant("Cytrox", EntryKind.ORGANISATION, true),
            new Variant("Cytrox AD", EntryKind.ORGANISATION, true),
            new Variant("Citrox AD", EntryKind.ORGANISATION, true),
            new Variant("Cytrox Holdings Zrt.", EntryKind.ORGANISATION, true),
            new Variant("Tal Dilian", EntryKind.PERSON, true),
            new Variant("DILIAN, Tal", EntryKind.PERSON, true),
            new Variant("Tal J. Dilian", EntryKind.PERSON, true),
            new Variant("Tal Jonathan Dillian", EntryKind.PERSON, true),
            new Variant("NSO Group", EntryKind.ORGANISATION, true),
            new Variant("NSO Group Technologies Ltd", EntryKind.ORGANISATION, true),
            new Variant("N.S.O. Group", EntryKind.ORGANISATION, true),
            new Variant("Candiru", EntryKind.ORGANISATION, true),
            new Variant("Candiru Ltd", EntryKind.ORGANISATION, true),
            new Variant("Saito Tech Ltd.", EntryKind.ORGANISATION, true),
            new Variant("Taveta Ltd", EntryKind.ORGANISATION, true),
            new Variant("Grindavik Solutions Ltd", EntryKind.ORGANISATION, true),
            new Variant("DF Associates Ltd", EntryKind.ORGANISATION, true),
            new Variant("Positive Technologies", EntryKind.ORGANISATION, true),
            new Variant("JSC Positive Technologies", EntryKind.ORGANISATION, true),
            new Variant("AO Pozitiv Teknolodzhiz", EntryKind.ORGANISATION, true),
            new Variant("АО Позитив Текнолоджиз", EntryKind.ORGANISATION, true),
            new Variant("Thalestris Ltd", EntryKind.ORGANISATION, true),
            new Variant("COSEINC", EntryKind.ORGANISATION, true),
            new Variant("Sandvine Incorporated", EntryKind.ORGANISATION, false));
}
