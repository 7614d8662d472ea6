package org.pallas.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the rulebook over an application's facts. Plain Java, no shared mutable state: the same facts and the
 * same rulebook give the same assessment. Application rules are evaluated once, party rules once per party (in the
 * order given) and destination rules once per country of destination.
 */
public final class PolicyEngine {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)}");
    private static final Pattern LEADING_ID = Pattern.compile("^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\\b");

    private final Rulebook rulebook;
    private final CountryData countries;
    private final MisuseEvidence misuse;
    private final Clock clock;

    public PolicyEngine(Rulebook rulebook, CountryData countries, MisuseEvidence misuse, Clock clock) {
        this.rulebook = Objects.requireNonNull(rulebook);
        this.countries = Objects.requireNonNull(countries);
        this.misuse = Objects.requireNonNull(misuse);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The engine over the shipped rulebook, country data and misuse evidence. */
    public static PolicyEngine shipped(Clock clock) {
        return new PolicyEngine(Rulebook.shipped(), CountryData.shipped(), MisuseEvidence.shipped(), clock);
    }

    public Rulebook rulebook() {
        return rulebook;
    }

    public Assessment assess(Application application) {
        LocalDate asOf = application.asOf() != null ? application.asOf() : LocalDate.now(clock);
        Set<String> destinations = new LinkedHashSet<>(application.destinations());
        application.parties().stream().filter(Party::receivesItems).forEach(p -> destinations.add(p.country()));
        FactCatalogue.Context context =
                new FactCatalogue.Context(application, asOf, countries, misuse.match(application), destinations);
        Map<String, Object> applicationFacts = FactCatalogue.applicationFacts(context);
        List<Map<String, Object>> partyFacts = new ArrayList<>();
        for (Party party : application.parties()) {
            partyFacts.add(FactCatalogue.partyFacts(applicationFacts, new FactCatalogue.PartySubject(context, party)));
        }
        Map<String, Map<String, Object>> destinationFacts = new LinkedHashMap<>();
        for (String iso2 : destinations) {
            destinationFacts.put(iso2, FactCatalogue.destinationFacts(applicationFacts, countries.get(iso2)));
        }

        List<Finding> findings = new ArrayList<>();
        for (Rulebook.CompiledRule compiled : rulebook.compiled()) {
            switch (compiled.rule().scope()) {
                case APPLICATION -> evaluate(compiled, "application", applicationFacts, findings);
                case PARTY -> {
                    for (int i = 0; i < partyFacts.size(); i++) {
                        Party p = application.parties().get(i);
                        String subject =
                                "party " + (i + 1) + ": " + p.name() + " (" + p.role() + ", " + p.country() + ")";
                        evaluate(compiled, subject, partyFacts.get(i), findings);
                    }
                }
                case DESTINATION ->
                    destinationFacts.forEach((iso2, facts) -> evaluate(
                            compiled, "destination " + iso2 + " (" + facts.get("country.name") + ")", facts, findings));
            }
        }
        return summarise(application.reference(), asOf, findings);
    }

    private void evaluate(
            Rulebook.CompiledRule compiled, String subject, Map<String, Object> facts, List<Finding> findings) {
        if (!compiled.fires(facts)) {
            return;
        }
        Rule rule = compiled.rule();
        Map<String, Object> evidence = new LinkedHashMap<>();
        rule.reads().forEach(fact -> evidence.put(fact, facts.get(fact)));
        Set<Citation> cites = new LinkedHashSet<>(rule.implementsIds());
        for (Object value : evidence.values()) {
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    Matcher id = LEADING_ID.matcher(item.toString());
                    if (id.find()) {
                        rulebook.regulation().find(id.group(1)).ifPresent(r -> cites.add(Citation.of(r)));
                    }
                }
            }
        }
        findings.add(new Finding(
                rule.id(),
                rule.title(),
                rule.effect(),
                subject,
                render(rule.explanation(), evidence),
                List.copyOf(cites),
                Collections.unmodifiableMap(evidence),
                rule.weight(),
                rule.team(),
                rule.condition()));
    }

    private Assessment summarise(String reference, LocalDate asOf, List<Finding> findings) {
        Map<String, Assessment.Contribution> contributions = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.effect() == Effect.RED_FLAG) {
                contributions.compute(f.ruleId(), (id, c) -> {
                    if (c == null) {
                        return new Assessment.Contribution(id, f.weight(), List.of(f.subject()), f.cites());
                    }
                    List<String> subjects = new ArrayList<>(c.subjects());
                    subjects.add(f.subject());
                    return new Assessment.Contribution(
                            id, c.weight(), List.copyOf(subjects), union(c.cites(), f.cites()));
                });
            }
        }
        int score = contributions.values().stream()
                .mapToInt(Assessment.Contribution::weight)
                .sum();

        Map<AdviserTeam, Assessment.Consultation> consultations = new EnumMap<>(AdviserTeam.class);
        Map<LicenceCondition, Assessment.ConditionRequirement> conditions = new EnumMap<>(LicenceCondition.class);
        for (Finding f : findings) {
            if (f.effect() == Effect.REFER) {
                consultations.merge(
                        f.team(),
                        new Assessment.Consultation(f.team(), List.of(f.ruleId()), f.cites()),
                        (a, b) -> new Assessment.Consultation(
                                a.team(), unionIds(a.ruleIds(), b.ruleIds()), union(a.cites(), b.cites())));
            } else if (f.effect() == Effect.CONDITION) {
                conditions.merge(
                        f.condition(),
                        new Assessment.ConditionRequirement(
                                f.condition(), f.condition().text(), List.of(f.ruleId()), f.cites()),
                        (a, b) -> new Assessment.ConditionRequirement(
                                a.condition(),
                                a.text(),
                                unionIds(a.ruleIds(), b.ruleIds()),
                                union(a.cites(), b.cites())));
            }
        }

        Rulebook.Thresholds t = rulebook.thresholds();
        List<String> basis = new ArrayList<>();
        Route route;
        if (!findings(findings, Effect.HARD_STOP).isEmpty()) {
            route = Route.HARD_STOP;
            findings(findings, Effect.HARD_STOP).forEach(id -> basis.add(id + " (HARD_STOP)"));
        } else if (!findings(findings, Effect.PRESUMPTION_OF_DENIAL).isEmpty() || score >= t.presumptionOfDenial()) {
            route = Route.PRESUMPTION_OF_DENIAL;
            findings(findings, Effect.PRESUMPTION_OF_DENIAL).forEach(id -> basis.add(id + " (PRESUMPTION_OF_DENIAL)"));
            scoreBasis(score, t.presumptionOfDenial(), basis);
        } else if (!consultations.isEmpty() || score >= t.enhancedReview()) {
            route = Route.ENHANCED_REVIEW;
            findings(findings, Effect.REFER).forEach(id -> basis.add(id + " (REFER)"));
            scoreBasis(score, t.enhancedReview(), basis);
        } else if (score >= t.standard()) {
            route = Route.STANDARD;
            scoreBasis(score, t.standard(), basis);
        } else {
            route = Route.FAST_TRACK;
            basis.add("score " + score + " < " + t.standard() + ", no referral, presumption of denial or hard stop");
        }
        List<String> unverified = findings.stream()
                .flatMap(f -> f.cites().stream())
                .filter(Citation::unverified)
                .map(Citation::id)
                .distinct()
                .toList();
        return new Assessment(
                reference,
                asOf,
                rulebook.version(),
                rulebook.contentHash(),
                route,
                List.copyOf(basis),
                score,
                List.copyOf(contributions.values()),
                findings.stream().filter(f -> f.effect() == Effect.RED_FLAG).toList(),
                // A hard stop is not licensable: there is no one to consult, only a refusal to record.
                route == Route.HARD_STOP ? List.of() : List.copyOf(consultations.values()),
                List.copyOf(conditions.values()),
                List.copyOf(findings),
                unverified);
    }

    private static List<String> findings(List<Finding> findings, Effect effect) {
        return findings.stream()
                .filter(f -> f.effect() == effect)
                .map(Finding::ruleId)
                .distinct()
                .toList();
    }

    private static void scoreBasis(int score, int threshold, List<String> basis) {
        if (score >= threshold) {
            basis.add("score " + score + " >= " + threshold);
        }
    }

    private static List<Citation> union(List<Citation> a, List<Citation> b) {
        Set<Citation> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> unionIds(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static String render(String template, Map<String, Object> evidence) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(format(evidence.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Double d) {
            return d < 0
                    ? "unknown"
                    : BigDecimal.valueOf(d)
                            .setScale(2, RoundingMode.HALF_EVEN)
                            .stripTrailingZeros()
                            .toPlainString();
        }
        if (value instanceof Long l) {
            return l < 0 ? "unknown" : l.toString();
        }
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? "none"
                    : String.join("; ", list.stream().map(Object::toString).toList());
        }
        String s = String.valueOf(value);
        return s.isEmpty() ? "not given" : s;
    }
}
