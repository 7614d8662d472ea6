package org.pallas.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every fact a rule may read: its name, CEL type, meaning and how it is computed from an {@link Application}. A rule
 * evaluated for the application sees the application facts; for a party it also sees {@code party.*} and
 * {@code country.*} of the party's country; for a destination it sees {@code country.*} of that country. Unknown
 * numbers are -1 so that rules compare plain numbers.
 */
public final class FactCatalogue {

    /** The CEL types facts may have. */
    public enum Type {
        BOOL(SimpleType.BOOL),
        INT(SimpleType.INT),
        DOUBLE(SimpleType.DOUBLE),
        STRING(SimpleType.STRING),
        STRINGS(ListType.create(SimpleType.STRING));

        final CelType celType;

        Type(CelType celType) {
            this.celType = celType;
        }
    }

    /** What a rule is evaluated for. */
    public enum Scope {
        APPLICATION,
        PARTY,
        DESTINATION
    }

    /** A fact as documented in the catalogue. */
    public record Definition(String name, Type type, String description) {}

    /** Everything the extractors need besides the subject. */
    record Context(
            Application application,
            LocalDate asOf,
            CountryData countries,
            List<MisuseMatch> misuse,
            Set<String> destinations) {}

    record PartySubject(Context context, Party party) {}

    private record Fact<T>(Definition definition, Function<T, Object> value) {}

    private static final List<Fact<Context>> APPLICATION = new ArrayList<>();
    private static final List<Fact<PartySubject>> PARTY = new ArrayList<>();
    private static final List<Fact<CountryIndicators>> COUNTRY = new ArrayList<>();

    private static final Set<String> INTRUSION_ENTRIES = Set.of("4A005", "4D004", "4D001.A", "4E001.A", "4E001.C");
    private static final List<String> MONITORING_PREFIXES =
            List.of("5A001.J", "5A001.F", "5B001.A", "5D001", "5E001.A");

    static {
        app("product.riskTier", Type.INT, "Risk tier 1-4 from the classification capability", c ->
                (long) c.application().product().riskTier());
        app(
                "product.entries",
                Type.STRINGS,
                "Control-list entries as REGIME:ENTRY",
                c -> c.application().product().classifications().stream()
                        .map(e -> e.regime() + ":" + e.entry())
                        .toList());
        app(
                "product.intrusionItem",
                Type.BOOL,
                "Classified under 4A005, 4D004, 4D001.a, 4E001.a or 4E001.c (WA-4A005, WA-4D004, WA-4E001C)",
                c -> entries(c).stream().anyMatch(INTRUSION_ENTRIES::contains));
        app(
                "product.monitoringItem",
                Type.BOOL,
                "Classified under 5A001.f/.j, 5B001.a, 5D001 or 5E001.a (WA-5A001F, WA-5A001J, WA-5D001E)",
                c -> entries(c).stream()
                        .anyMatch(e -> MONITORING_PREFIXES.stream().anyMatch(e::startsWith)));
        app(
                "product.surreptitiousListening",
                Type.BOOL,
                "Classified under 5A001.f.1 (US-CCL-5A001F1-SL)",
                c -> entries(c).stream().anyMatch(e -> e.startsWith("5A001.F.1")));
        app(
                "product.capabilities",
                Type.STRINGS,
                "Capabilities found by classification (Product.Capability names)",
                c -> c.application().product().capabilities().stream()
                        .map(Enum::name)
                        .sorted()
                        .toList());
        app(
                "product.name",
                Type.STRING,
                "Product name",
                c -> c.application().product().name());
        app(
                "product.misuseCases",
                Type.STRINGS,
                "Curated misuse records matching the product's vendor or family, as 'CASE-nn (CONFIDENCE)'",
                c -> cases(
                        c.misuse().stream().filter(m -> m.partyName() == null).toList()));
        app(
                "product.misuseConfidence",
                Type.INT,
                "Highest confidence of a misuse record matching vendor or family: 0 none, 1 low, 2 medium, 3 high",
                c -> confidence(
                        c.misuse().stream().filter(m -> m.partyName() == null).toList()));
        app(
                "endUse.category",
                Type.STRING,
                "Stated end-use category (EndUse.Category names)",
                c -> c.application().endUse().category().name());
        app(
                "endUse.statementProvided",
                Type.BOOL,
                "An end-use statement was provided",
                c -> c.application().endUse().statementProvided());
        app(
                "endUse.targeted",
                Type.BOOL,
                "The end use is limited to specific, lawful targets (PMP-PRE-1)",
                c -> c.application().endUse().targeted());
        for (DueDiligenceQuestion q : DueDiligenceQuestion.values()) {
            app(
                    q.fact(),
                    Type.BOOL,
                    "Answered YES: " + q.text(),
                    c -> c.application().dueDiligence().get(q) == Application.Answer.YES);
        }
        app(
                "dd.declined",
                Type.INT,
                "Number of due-diligence questions the customer or exporter declined to answer",
                c -> c.application().dueDiligence().values().stream()
                        .filter(a -> a == Application.Answer.DECLINED)
                        .count());
        app(
                "application.endUsers",
                Type.INT,
                "Number of parties named as end user or ultimate end user",
                c -> c.application().parties().stream()
                        .filter(p ->
                                p.role() == Party.PartyRole.END_USER || p.role() == Party.PartyRole.ULTIMATE_END_USER)
                        .count());
        app(
                "exporter.known",
                Type.BOOL,
                "The authority holds a compliance record for the exporter",
                c -> c.application().exporterRecord() != null);
        app(
                "exporter.previousLicences",
                Type.INT,
                "Licences previously granted to the exporter (0 when unknown)",
                c -> c.application().exporterRecord() == null
                        ? 0L
                        : (long) c.application().exporterRecord().previousLicences());
        app(
                "exporter.breaches",
                Type.INT,
                "Recorded compliance breaches by the exporter (0 when unknown)",
                c -> c.application().exporterRecord() == null
                        ? 0L
                        : (long) c.application().exporterRecord().breaches());
        app(
                "exporter.icp",
                Type.BOOL,
                "The exporter runs an internal compliance programme (EU-ART2-ICP)",
                c -> c.application().exporterRecord() != null
                        && c.application().exporterRecord().internalComplianceProgramme());

        party("party.name", Type.STRING, "Party name as given", s -> s.party().name());
        party(
                "party.role",
                Type.STRING,
                "EXPORTER, END_USER, ULTIMATE_END_USER, CONSIGNEE or INTERMEDIARY",
                s -> s.party().role().name());
        party(
                "party.endUser",
                Type.BOOL,
                "The party is an end user or ultimate end user",
                s -> s.party().role() == Party.PartyRole.END_USER
                        || s.party().role() == Party.PartyRole.ULTIMATE_END_USER);
        party(
                "party.endUserType",
                Type.STRING,
                "End-user type (Party.EndUserType names); empty when not given",
                s -> s.party().endUserType() == null
                        ? ""
                        : s.party().endUserType().name());
        party(
                "party.government",
                Type.BOOL,
                "Security/intelligence service, police, military or other government",
                s -> s.party().endUserType() != null && s.party().endUserType().government());
        party(
                "party.agency",
                Type.STRING,
                "Agency or unit; empty when not given",
                s -> s.party().agency() == null ? "" : s.party().agency());
        party(
                "party.favourableTreatment",
                Type.BOOL,
                "Bank, insurer or health body: a favourable treatment cybersecurity end user (US-ACE-DEF-FTCEU)",
                s -> s.party().sector() != null && s.party().sector().favourableTreatment());
        party(
                "party.independentOversight",
                Type.STRING,
                "YES, NO or UNKNOWN (PMP-OVS-1)",
                s -> s.party().independentOversight() == null
                        ? "UNKNOWN"
                        : s.party().independentOversight() ? "YES" : "NO");
        party(
                "party.screened",
                Type.BOOL,
                "The screening capability screened the party",
                s -> s.party().screening().screened());
        party(
                "party.sanctionScore",
                Type.DOUBLE,
                "Highest score of a hit on a sanctions listing still in force",
                s -> maxScore(s, h -> h.sanctioned() && h.activeOn(s.context().asOf())));
        party(
                "party.entityListScore",
                Type.DOUBLE,
                "Highest score of a hit on a US Entity List entry still in force",
                s -> maxScore(s, h -> h.entityList() && h.activeOn(s.context().asOf())));
        party(
                "party.delistedScore",
                Type.DOUBLE,
                "Highest score of a hit on an entry delisted on or before the date",
                s -> maxScore(s, h -> !h.activeOn(s.context().asOf())));
        party(
                "party.hits",
                Type.STRINGS,
                "Screening hits as reported by the matcher",
                s -> s.party().screening().hits().stream()
                        .map(ScreeningOutcome.Hit::describe)
                        .toList());
        party(
                "party.listVersions",
                Type.STRINGS,
                "Lists screened against, as SOURCE@VERSION",
                s -> s.party().screening().listVersions().entrySet().stream()
                        .map(e -> e.getKey() + "@" + e.getValue())
                        .toList());
        party(
                "party.priorDenials",
                Type.STRINGS,
                "Prior denials matched to the party, as 'REF by AUTHORITY on DATE'",
                s -> s.context().application().priorDenials().stream()
                        .filter(d ->
                                d.matchedPartyName().equalsIgnoreCase(s.party().name()))
                        .map(d -> d.reference() + " by " + d.authority() + " on " + d.deniedOn())
                        .toList());
        party(
                "party.outsideDestinations",
                Type.BOOL,
                "The party's country is neither a destination nor the exporter's country (a third country)",
                s -> !s.context().destinations().contains(s.party().country())
                        && s.context().application().parties().stream()
                                .noneMatch(p -> p.role() == Party.PartyRole.EXPORTER
                                        && p.country().equals(s.party().country())));
        party(
                "party.misuseCases",
                Type.STRINGS,
                "Misuse records whose attributed operator is in the party's country, as 'CASE-nn (CONFIDENCE)'",
                s -> cases(partyMatches(s)));
        party(
                "party.misuseEndUserMatch",
                Type.BOOL,
                "A misuse record attributes misuse to the same kind of end user in the party's country",
                s -> partyMatches(s).stream()
                        .anyMatch(m -> m.matchedOn().contains(MisuseMatch.Basis.END_USER_TYPE)
                                || m.matchedOn().contains(MisuseMatch.Basis.END_USER)));
        party(
                "party.misuseConfidence",
                Type.INT,
                "Highest confidence among the party's misuse matches: 0 none, 1 low, 2 medium, 3 high",
                s -> confidence(partyMatches(s)));

        country("country.iso2", Type.STRING, "ISO 3166-1 alpha-2 code", CountryIndicators::iso2);
        country("country.name", Type.STRING, "Country name", CountryIndicators::name);
        country(
                "country.known",
                Type.BOOL,
                "WGI or V-Dem indicators exist for the country",
                i -> i.ruleOfLawPercentile() != null || i.regime() != null);
        country(
                "country.ruleOfLawPct",
                Type.DOUBLE,
                "WGI rule of law percentile rank 0-100, latest year; -1 unknown",
                i -> i.ruleOfLawPercentile() == null ? -1.0 : i.ruleOfLawPercentile());
        country(
                "country.voicePct",
                Type.DOUBLE,
                "WGI voice and accountability percentile rank 0-100, latest year; -1 unknown",
                i -> i.voiceAccountabilityPercentile() == null ? -1.0 : i.voiceAccountabilityPercentile());
        country(
                "country.wgiYear",
                Type.INT,
                "Year of the WGI figures; -1 unknown",
                i -> i.wgiYear() == null ? -1L : (long) i.wgiYear());
        country(
                "country.regime",
                Type.INT,
                "V-Dem Regimes of the World: 0 closed autocracy, 1 electoral autocracy, 2 electoral democracy, "
                        + "3 liberal democracy; -1 unknown",
                i -> i.regime() == null ? -1L : (long) i.regime());
        country(
                "country.autocratizing",
                Type.BOOL,
                "V-Dem ERT: in an autocratization episode in the latest year",
                i -> Boolean.TRUE.equals(i.autocratizing()));
        country(
                "country.vdemYear",
                Type.INT,
                "Year of the V-Dem figures; -1 unknown",
                i -> i.vdemYear() == null ? -1L : (long) i.vdemYear());
        country(
                "country.usGroups",
                Type.STRINGS,
                "US country groups among D:1, D:5, E:1, E:2 (US-CG-D1, US-CG-D5, " + "US-CG-E)",
                i -> List.copyOf(new TreeSet<>(i.usCountryGroups())));
        country(
                "country.embargoes",
                Type.STRINGS,
                "Embargo measures as IMPOSER:SCOPE, e.g. EU:TELECOM_MONITORING",
                i -> i.embargoes().stream()
                        .map(e -> e.imposer() + ":" + e.scope())
                        .distinct()
                        .toList());
        country(
                "country.embargoActs",
                Type.STRINGS,
                "The legal acts behind the embargo measures",
                i -> i.embargoes().stream().map(Embargo::citation).toList());
        country(
                "country.commitments",
                Type.STRINGS,
                "Spyware commitments the country has signed: JS-SIGN (Joint Statement), ECHRI-SIGN",
                i -> List.copyOf(new TreeSet<>(i.commitments())));
    }

    private FactCatalogue() {}

    private static void app(String name, Type type, String description, Function<Context, Object> value) {
        APPLICATION.add(new Fact<>(new Definition(name, type, description), value));
    }

    private static void party(String name, Type type, String description, Function<PartySubject, Object> value) {
        PARTY.add(new Fact<>(new Definition(name, type, description), value));
    }

    private static void country(String name, Type type, String description, Function<CountryIndicators, Object> value) {
        COUNTRY.add(new Fact<>(new Definition(name, type, description), value));
    }

    /** The facts a rule of the given scope may read, in catalogue order. */
    public static Map<String, Definition> available(Scope scope) {
        Map<String, Definition> facts = new LinkedHashMap<>();
        Stream<Fact<?>> all = switch (scope) {
            case APPLICATION -> APPLICATION.stream().map(f -> f);
            case PARTY -> Stream.of(APPLICATION, PARTY, COUNTRY).flatMap(List::stream);
            case DESTINATION -> Stream.of(APPLICATION, COUNTRY).flatMap(List::stream);
        };
        all.forEach(f -> facts.put(f.definition().name(), f.definition()));
        return Collections.unmodifiableMap(facts);
    }

    /** Every fact, grouped as application, party and country facts, for the catalogue. */
    public static Map<String, List<Definition>> groups() {
        Map<String, List<Definition>> groups = new LinkedHashMap<>();
        groups.put(
                "Application facts (every scope)",
                APPLICATION.stream().map(Fact::definition).toList());
        groups.put(
                "Party facts (scope party)",
                PARTY.stream().map(Fact::definition).toList());
        groups.put(
                "Country facts (scopes party and destination)",
                COUNTRY.stream().map(Fact::definition).toList());
        return groups;
    }

    static Map<String, Object> applicationFacts(Context context) {
        Map<String, Object> facts = new LinkedHashMap<>();
        APPLICATION.forEach(f -> facts.put(f.definition().name(), f.value().apply(context)));
        return facts;
    }

    static Map<String, Object> partyFacts(Map<String, Object> applicationFacts, PartySubject subject) {
        Map<String, Object> facts = new LinkedHashMap<>(applicationFacts);
        PARTY.forEach(f -> facts.put(f.definition().name(), f.value().apply(subject)));
        putCountry(facts, subject.context().countries().get(subject.party().country()));
        return facts;
    }

    static Map<String, Object> destinationFacts(Map<String, Object> applicationFacts, CountryIndicators country) {
        Map<String, Object> facts = new LinkedHashMap<>(applicationFacts);
        putCountry(facts, country);
        return facts;
    }

    private static void putCountry(Map<String, Object> facts, CountryIndicators country) {
        COUNTRY.forEach(f -> facts.put(f.definition().name(), f.value().apply(country)));
    }

    private static Set<String> entries(Context c) {
        Set<String> entries = new HashSet<>();
        c.application()
                .product()
                .classifications()
                .forEach(e -> entries.add(e.entry().toUpperCase(Locale.ROOT)));
        return entries;
    }

    private static double maxScore(PartySubject s, Predicate<ScreeningOutcome.Hit> which) {
        return s.party().screening().hits().stream()
                .filter(which)
                .mapToDouble(ScreeningOutcome.Hit::score)
                .max()
                .orElse(0.0);
    }

    private static List<MisuseMatch> partyMatches(PartySubject s) {
        return s.context().misuse().stream()
                .filter(m -> s.party().name().equalsIgnoreCase(m.partyName()))
                .toList();
    }

    private static List<String> cases(List<MisuseMatch> matches) {
        return matches.stream()
                .map(m -> m.caseId() + " (" + m.confidence() + ")")
                .distinct()
                .toList();
    }

    private static long confidence(List<MisuseMatch> matches) {
        return matches.stream()
                .mapToLong(m -> m.confidence().ordinal() + 1L)
                .max()
                .orElse(0L);
    }
}
