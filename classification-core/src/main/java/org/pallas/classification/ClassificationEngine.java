package org.pallas.classification;

import static org.pallas.classification.capability.Field.ITEM_KIND;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.InvalidDescriptionException;
import org.pallas.classification.reference.ControlEntry;
import org.pallas.classification.reference.ReferenceData;
import org.pallas.classification.reference.Regime;
import org.pallas.classification.reference.RegimeText;
import org.pallas.classification.reference.UsControl;

/**
 * Classifies a {@link CapabilityDescription} against the control-list reference data, per regime
 * (WA, EU, UK, US), with an explanation chain citing rule IDs, the EU Art. 5 catch-all flag, US
 * License Exception ACE scope and a risk tier. Deterministic and thread-safe: no clock, no I/O, no
 * shared mutable state; the same description and reference data always give an equal result.
 *
 * <p>The decision procedure is documented in docs/classification.md.
 */
public final class ClassificationEngine {

    private final ReferenceData data;

    public ClassificationEngine(ReferenceData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    public ReferenceData referenceData() {
        return data;
    }

    /**
     * @throws InvalidDescriptionException when the description contradicts itself ("none" together with
     *                                     other options); incomplete descriptions are not an error
     */
    public Classification classify(CapabilityDescription description) {
        Objects.requireNonNull(description, "description");
        var errors = description.validate();
        if (!errors.isEmpty()) {
            throw new InvalidDescriptionException(errors);
        }
        Assessment assessment = assessList(description);
        var regimes = new EnumMap<Regime, RegimeClassification>(Regime.class);
        for (Regime regime : Regime.values()) {
            regimes.put(regime, render(regime, assessment));
        }
        boolean disclosureNote =
                assessment.exclusions.stream().anyMatch(s -> s.rules().contains("WA-4E001-N1"));
        CatchAllAssessment article5 =
                Article5Rules.assess(description, regimes.get(Regime.EU), new StepNumbering(data));
        AceAssessment ace = AceRules.assess(
                description, regimes.get(Regime.US), assessment.matches, disclosureNote, data, new StepNumbering(data));
        return new Classification(
                data.version(),
                data.sha256(),
                description,
                Collections.unmodifiableMap(regimes),
                article5,
                ace,
                RiskRules.assess(description));
    }

    private static Assessment assessList(CapabilityDescription d) {
        var a = new Assessment();
        if (d.itemKind() == null) {
            a.unanswered(ITEM_KIND, "What kind of product is it?", "WA-IS-NOTCTRL");
            return a;
        }
        switch (d.itemKind()) {
            case EXPLOIT, IMPLANT -> IntrusionRules.payloadProduct(d, a);
            case INTRUSION_PLATFORM,
                    EXPLOIT_DEVELOPMENT_FRAMEWORK,
                    ACCESS_AS_A_SERVICE,
                    PENETRATION_TESTING_FRAMEWORK -> IntrusionRules.platformProduct(d, a);
            case VULNERABILITY_RESEARCH -> IntrusionRules.research(d, a);
            case FORENSIC_EXTRACTION -> IntrusionRules.forensic(d, a);
            case SOFTWARE_UPDATE_SYSTEM -> IntrusionRules.updateSystem(d, a);
            case OTHER -> IntrusionRules.other(d, a);
            case IP_NETWORK_SURVEILLANCE -> TelecomRules.ipSurveillance(d, a);
            case MOBILE_INTERCEPTION -> TelecomRules.mobileInterception(d, a);
            case MONITORING_CENTRE -> TelecomRules.monitoringCentre(d, a);
            case LAWFUL_INTERCEPT_MEDIATION -> TelecomRules.mediation(a);
        }
        DecontrolNotes.apply(d, a);
        return a;
    }

    private RegimeClassification render(Regime regime, Assessment a) {
        var steps = new StepNumbering(data);
        RegimeText text = data.regime(regime);
        steps.add(text.name() + ", text as of " + text.textAsOf() + ": " + text.basis(), text.rules());
        for (Assessment.Step step : a.steps) {
            steps.add(step.text(), step.rules());
        }
        var entries = new ArrayList<EntryMatch>();
        var candidates = new ArrayList<EntryMatch>();
        for (Assessment.Match match : a.matches) {
            (match.pending() ? candidates : entries).add(entry(regime, match));
        }
        Outcome outcome = a.outcome();
        String reason = null;
        List<String> reasonRules = List.of();
        switch (outcome) {
            case CONTROLLED -> {
                for (EntryMatch entry : entries) {
                    listed(regime, entry, steps);
                }
                if (!a.open.isEmpty()) {
                    steps.add(
                            "Open questions remain; answering them may add entries: " + questionIds(a.open) + ".",
                            rulesOf(a.open));
                }
            }
            case NOT_CONTROLLED -> {
                if (a.exclusions.isEmpty()) {
                    reason = "None of the entries held applies to the answers given.";
                    reasonRules = text.rules();
                } else {
                    reason = a.exclusions.get(0).text();
                    reasonRules = a.exclusions.stream()
                            .flatMap(s -> s.rules().stream())
                            .distinct()
                            .toList();
                }
                notListed(regime, steps);
                steps.add(
                        "Only the cyber-relevant entries held in reference data " + data.version() + " were checked;"
                                + " other entries (for example information security in Category 5 Part 2) are outside this"
                                + " assessment.",
                        text.rules());
            }
            case NEEDS_REVIEW ->
                steps.add(
                        "The answers leave the result open: " + questionIds(a.open)
                                + (candidates.isEmpty()
                                        ? "."
                                        : "; candidate entries: "
                                                + candidates.stream()
                                                        .map(EntryMatch::label)
                                                        .toList() + "."),
                        rulesOf(a.open));
        }
        return new RegimeClassification(
                regime,
                outcome,
                List.copyOf(entries),
                List.copyOf(candidates),
                reason,
                reasonRules,
                List.copyOf(a.open),
                steps.done());
    }

    private EntryMatch entry(Regime regime, Assessment.Match match) {
        ControlEntry entry = data.entry(match.code());
        var rules = new ArrayList<>(entry.rules());
        List<String> usReasons = List.of();
        boolean unverified = entry.unverified();
        if (regime == Regime.US && entry.us().isPresent()) {
            UsControl us = entry.us().get();
            usReasons = us.reasons();
            us.rules().stream().filter(r -> !rules.contains(r)).forEach(rules::add);
            unverified = unverified || us.reasonsUnverified() || data.anyUnverified(us.rules());
        }
        return new EntryMatch(
                match.code(),
                match.relatedTo(),
                match.subparagraphs(),
                entry.title(),
                entry.citation(regime),
                unverified,
                usReasons,
                List.copyOf(rules));
    }

    private void listed(Regime regime, EntryMatch entry, StepNumbering steps) {
        var rules = new ArrayList<>(entry.rules());
        String cited =
                entry.label().equals(entry.code()) ? entry.citation() : entry.citation() + " (" + entry.label() + ")";
        switch (regime) {
            case WA -> steps.add(cited + ": " + entry.title() + ".", entry.rules());
            case EU -> {
                rules.add("EU-ART3");
                steps.add(cited + ": listed in Annex I, so its export needs an" + " authorisation.", rules);
            }
            case UK -> {
                rules.add("WA-UK-MAP");
                steps.add(cited + ": listed on the UK Dual-Use List, so its export" + " needs a licence.", rules);
            }
            case US -> {
                UsControl us = data.entry(entry.code()).us().orElseThrow();
                steps.add(
                        cited + ": reasons for control "
                                + String.join(", ", us.reasons())
                                + (us.reasonsUnverified() ? " (reasons not verified" + " against the CCL)" : "") + ".",
                        entry.rules());
                if (entry.subparagraphs().contains("f.1")) {
                    steps.add(
                            "Items for 5A001.f.1 are also controlled for surreptitious listening (SL): a licence is"
                                    + " needed for every destination and no licence exception applies except GOV.",
                            "US-CCL-5A001F1-SL",
                            "US-740.2-SL");
                }
            }
        }
    }

    private static void notListed(Regime regime, StepNumbering steps) {
        switch (regime) {
            case WA -> {}
            case EU ->
                steps.add(
                        "Not in Annex I: see the Art. 5 assessment for non-listed cyber-surveillance items.",
                        "EU-ART5-1");
            case UK ->
                steps.add(
                        "The UK has no Art. 5-style catch-all for non-listed cyber-surveillance items.", "UK-NO-ART5");
            case US ->
                steps.add(
                        "The US has no equivalent of the EU Art. 5 catch-all; only the listed surveillance"
                                + " items are controlled for this reason.",
                        "EU-ART5-US");
        }
    }

    private static String questionIds(List<OpenQuestion> open) {
        return open.stream()
                .map(q -> q.questionId() != null
                        ? q.questionId()
                        : q.kind().name().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .reduce((x, y) -> x + ", " + y)
                .orElse("none");
    }

    private static List<String> rulesOf(List<OpenQuestion> open) {
        return open.stream().flatMap(q -> q.rules().stream()).distinct().toList();
    }
}
