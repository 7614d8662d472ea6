package org.pallas.classification;

import static org.pallas.classification.capability.Field.COVERT;
import static org.pallas.classification.capability.Field.ICT_DATA;
import static org.pallas.classification.capability.Field.ITEM_KIND;
import static org.pallas.classification.capability.Field.NATURAL_PERSONS;
import static org.pallas.classification.capability.Field.SURVEILLANCE_DESIGN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.ExcludedCategory;
import org.pallas.classification.capability.Field;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.Tri;

/**
 * EU Art. 5 catch-all flag: all four elements of Art. 2(20) (specially designed, covert, natural
 * persons, data from ICT systems) and the item not listed in Annex I (EU-ART2-20, EU-ART5-1..3).
 */
final class Article5Rules {

    private static final Set<ExcludedCategory> GENERAL_PURPOSE_TOOLS = EnumSet.of(
            ExcludedCategory.HYPERVISOR,
            ExcludedCategory.DEBUGGER,
            ExcludedCategory.REVERSE_ENGINEERING,
            ExcludedCategory.DRM);

    private Article5Rules() {}

    static CatchAllAssessment assess(CapabilityDescription d, RegimeClassification eu, StepNumbering steps) {
        var open = new ArrayList<OpenQuestion>();
        if (eu.outcome() == Outcome.CONTROLLED) {
            steps.add(
                    "The item is listed in Annex I (" + String.join(", ", eu.entryCodes()) + "), so the authorisation"
                            + " for listed items applies and the Art. 5 catch-all for non-listed items does not.",
                    "EU-ART3",
                    "EU-ART2-20");
            return new CatchAllAssessment(CatchAllAssessment.State.DOES_NOT_APPLY, open, steps.done());
        }
        if (d.itemKind() == null) {
            open.add(new OpenQuestion(
                    OpenQuestion.Kind.UNANSWERED,
                    ITEM_KIND.id(),
                    "What kind of product is it?",
                    List.of("EU-ART2-20")));
            steps.add("Whether it is a cyber-surveillance item depends on what the product is.", "EU-ART2-20");
            return new CatchAllAssessment(CatchAllAssessment.State.UNDETERMINED, open, steps.done());
        }
        String notDesigned = notSurveillanceByNature(d);
        if (notDesigned != null) {
            steps.add(
                    notDesigned + " is not specially designed to enable covert surveillance of natural persons, so"
                            + " it is not a cyber-surveillance item.",
                    "EU-ART2-20",
                    "EUREC-SCOPE-1");
            return new CatchAllAssessment(CatchAllAssessment.State.DOES_NOT_APPLY, open, steps.done());
        }
        Map<Field, String> elements = new LinkedHashMap<>();
        elements.put(SURVEILLANCE_DESIGN, "specially designed for surveillance");
        elements.put(COVERT, "covert");
        elements.put(NATURAL_PERSONS, "aimed at natural persons");
        elements.put(ICT_DATA, "working on data from information or telecommunication systems");
        var missing = new ArrayList<String>();
        var unknown = new ArrayList<String>();
        elements.forEach((field, text) -> {
            Tri value = value(d, field);
            if (value.isNo()) {
                missing.add(text);
            } else if (!value.isKnown()) {
                unknown.add(text);
                open.add(new OpenQuestion(
                        OpenQuestion.Kind.UNANSWERED,
                        field.id(),
                        "Art. 2(20) element: " + text + "?",
                        List.of("EU-ART2-20")));
            }
        });
        if (!missing.isEmpty()) {
            open.clear();
            steps.add(
                    "Not a cyber-surveillance item: all four elements of Art. 2(20) are needed and it is not "
                            + String.join(", nor ", missing) + ".",
                    "EU-ART2-20");
            return new CatchAllAssessment(CatchAllAssessment.State.DOES_NOT_APPLY, open, steps.done());
        }
        if (!unknown.isEmpty()) {
            steps.add(
                    "Whether it is a cyber-surveillance item is open: not yet known whether it is "
                            + String.join(", ", unknown) + ".",
                    "EU-ART2-20");
            return new CatchAllAssessment(CatchAllAssessment.State.UNDETERMINED, open, steps.done());
        }
        steps.add(
                "All four elements of Art. 2(20) are present (specially designed, covert, natural persons, data from"
                        + " ICT systems): it is a cyber-surveillance item, and the first due-diligence step screens it as"
                        + " such.",
                "EU-ART2-20",
                "EUREC-DD-1");
        if (eu.outcome() == Outcome.NEEDS_REVIEW) {
            steps.add(
                    "Art. 5 concerns only items not in Annex I; whether this one is listed is still open.",
                    "EU-ART5-1");
            return new CatchAllAssessment(CatchAllAssessment.State.UNDETERMINED, open, steps.done());
        }
        steps.add(
                "It is not in Annex I, so the Art. 5 catch-all can apply: an authorisation is required if the"
                        + " authority informs the exporter that the item is or may be intended for internal repression or"
                        + " serious violations of human rights or humanitarian law; an exporter aware of such use from its own"
                        + " due diligence must notify the authority; some Member States require an authorisation on grounds"
                        + " for suspicion.",
                "EU-ART5-1",
                "EU-ART5-2",
                "EU-ART5-3");
        return new CatchAllAssessment(CatchAllAssessment.State.COULD_APPLY, open, steps.done());
    }

    /** Kinds for which the questionnaire does not ask the Art. 2(20) questions; keep in step with it. */
    private static String notSurveillanceByNature(CapabilityDescription d) {
        if (d.itemKind() == ItemKind.VULNERABILITY_RESEARCH) {
            return "Vulnerability research";
        }
        if (d.itemKind() == ItemKind.SOFTWARE_UPDATE_SYSTEM) {
            return "A software-update system";
        }
        if (d.itemKind() == ItemKind.OTHER && GENERAL_PURPOSE_TOOLS.contains(d.excludedCategory())) {
            return "A " + d.excludedCategory().label().toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    private static Tri value(CapabilityDescription d, Field field) {
        return switch (field) {
            case COVERT -> d.covert();
            case NATURAL_PERSONS -> d.naturalPersons();
            case ICT_DATA -> d.ictData();
            case SURVEILLANCE_DESIGN -> d.surveillanceDesign();
            default -> throw new IllegalArgumentException(field.id() + " is not an Art. 2(20) element");
        };
    }
}
