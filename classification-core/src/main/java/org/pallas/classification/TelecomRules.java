package org.pallas.classification;

import static org.pallas.classification.capability.Field.CARRIER_CLASS;
import static org.pallas.classification.capability.Field.DESIGNED_FOR;
import static org.pallas.classification.capability.Field.DEVELOPMENT_TOOLING;
import static org.pallas.classification.capability.Field.HANDOVER_INTERFACE;
import static org.pallas.classification.capability.Field.HARD_SELECTOR_SEARCH;
import static org.pallas.classification.capability.Field.INTERCEPTION_EXCLUSION;
import static org.pallas.classification.capability.Field.INTERCEPTION_FUNCTIONS;
import static org.pallas.classification.capability.Field.NETWORK_ANALYSIS;
import static org.pallas.classification.capability.Field.OPERATION_ONLY_TECHNOLOGY;
import static org.pallas.classification.capability.Field.RELATIONAL_MAPPING;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.InterceptionExclusion;
import org.pallas.classification.capability.InterceptionFunction;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.capability.NetworkAnalysis;
import org.pallas.classification.capability.NetworkPurpose;
import org.pallas.classification.capability.Tri;

/**
 * Category 5 Part 1 surveillance entries: 5A001.f (mobile interception), 5A001.j (carrier IP
 * surveillance, all conditions), 5B001.a, 5D001.a/.c/.e and 5E001.a, with their notes.
 */
final class TelecomRules {

    private static final Set<NetworkPurpose> J_EXCLUDED = EnumSet.of(
            NetworkPurpose.MARKETING, NetworkPurpose.QUALITY_OF_SERVICE, NetworkPurpose.QUALITY_OF_EXPERIENCE);

    private TelecomRules() {}

    static void ipSurveillance(CapabilityDescription d, Assessment a) {
        Set<NetworkAnalysis> analysis = d.networkAnalysis();
        Tri layer7 = analysis.isEmpty()
                ? Tri.UNKNOWN
                : Tri.of(analysis.containsAll(EnumSet.of(
                        NetworkAnalysis.APPLICATION_LAYER_ANALYSIS,
                        NetworkAnalysis.CONTENT_EXTRACTION,
                        NetworkAnalysis.INDEXING)));
        Tri j1 = d.carrierClass().and(layer7);
        Tri j2 = d.hardSelectorSearch().and(d.relationalMapping());
        if (j1.isYes()) {
            a.step(
                    "On a carrier-class IP network it analyses traffic at the application layer, extracts selected"
                            + " metadata and content and indexes it: 5A001.j.1 is met.",
                    "WA-5A001J");
        } else if (j1.isNo()) {
            a.step(
                    "5A001.j.1 is not met: "
                            + (d.carrierClass().isNo()
                                    ? "it does not work on a carrier-class IP" + " network."
                                    : "it does not do all of layer-7 analysis, content extraction and indexing."),
                    "WA-5A001J");
        }
        if (j2.isYes()) {
            a.step(
                    "It is specially designed to search by hard selectors and to map the relational network of people:"
                            + " 5A001.j.2 is met.",
                    "WA-5A001J",
                    "WA-DEF-HARDSEL");
        } else if (j2.isNo()) {
            a.step(
                    "5A001.j.2 is not met: "
                            + (d.hardSelectorSearch().isNo()
                                    ? "it is not designed to search by hard" + " selectors."
                                    : "it does not map relational networks."),
                    "WA-5A001J",
                    "WA-DEF-HARDSEL");
        }
        NetworkPurpose purpose = d.designedFor();
        Tri met = j1.and(j2);
        boolean pending = false;
        if (purpose != null && J_EXCLUDED.contains(purpose)) {
            if (!met.isYes()) {
                a.exclude(
                        "It is specially designed for " + purpose.label().toLowerCase(java.util.Locale.ROOT)
                                + ": the note to 5A001.j takes such systems out of the entry.",
                        "WA-5A001J-X");
                return;
            }
            a.conflict(
                    DESIGNED_FOR,
                    "It is said to be specially designed for " + purpose.label()
                            + ", yet it is specially designed to search by hard selectors and map relational networks, which"
                            + " serve no " + purpose.label()
                            + " purpose. Whether the note to 5A001.j applies is for the"
                            + " authority.",
                    "WA-5A001J-X",
                    "WA-5A001J");
            pending = true;
        }
        if (met.isNo()) {
            a.exclude(
                    "5A001.j needs all of its conditions (j.1 and j.2); they are not all met, so it does not apply.",
                    "WA-5A001J");
            return;
        }
        if (!met.isKnown()) {
            pending = true;
            if (!d.carrierClass().isKnown()) {
                a.unanswered(CARRIER_CLASS, "Does it work on a carrier-class IP network?", "WA-5A001J");
            }
            if (!layer7.isKnown()) {
                a.unanswered(
                        NETWORK_ANALYSIS,
                        "Which of layer-7 analysis, content extraction and indexing does it" + " do?",
                        "WA-5A001J");
            }
            if (!d.hardSelectorSearch().isKnown()) {
                a.unanswered(
                        HARD_SELECTOR_SEARCH,
                        "Is it specially designed to search by hard selectors?",
                        "WA-5A001J",
                        "WA-DEF-HARDSEL");
            }
            if (!d.relationalMapping().isKnown()) {
                a.unanswered(RELATIONAL_MAPPING, "Does it map relational networks?", "WA-5A001J");
            }
        }
        if (purpose == null) {
            a.unanswered(DESIGNED_FOR, "What is the system specially designed for?", "WA-5A001J-X");
            pending = true;
        } else if (!pending && met.isYes()) {
            a.step(
                    "It is not specially designed for marketing, QoS or QoE, so the note to 5A001.j does not apply.",
                    "WA-5A001J-X");
        }
        family(d, a, "5A001.j", List.of(), pending);
    }

    static void mobileInterception(CapabilityDescription d, Assessment a) {
        Set<InterceptionFunction> functions = d.interceptionFunctions();
        if (functions.isEmpty()) {
            a.unanswered(
                    INTERCEPTION_FUNCTIONS,
                    "Which interception, jamming or detection functions does it have?",
                    "WA-5A001F");
            return;
        }
        if (functions.contains(InterceptionFunction.NONE)) {
            a.exclude("It has none of the interception, jamming or detection functions of 5A001.f.", "WA-5A001F");
            return;
        }
        var subparagraphs = new ArrayList<String>();
        boolean pending = false;
        boolean f1 = functions.contains(InterceptionFunction.AIR_INTERFACE_CONTENT);
        boolean f2 = functions.contains(InterceptionFunction.SUBSCRIBER_IDENTIFIERS);
        if (f1 || f2) {
            InterceptionExclusion exclusion = d.interceptionExclusion();
            if (exclusion == null) {
                a.unanswered(
                        INTERCEPTION_EXCLUSION,
                        "Is it specially designed for analogue PMR, WLAN, network"
                                + " operators or telecom development?",
                        "WA-5A001F-X");
                pending = true;
            } else if (exclusion != InterceptionExclusion.NONE) {
                a.exclude(
                        "Its interception functions are outside 5A001.f.1 and f.2 because it is "
                                + exclusion.label().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                                + exclusion.label().substring(1) + ".",
                        "WA-5A001F-X");
                f1 = false;
                f2 = false;
            }
        }
        if (f1) {
            a.step("It intercepts voice or data over the air interface: 5A001.f.1.", "WA-5A001F");
            subparagraphs.add("f.1");
        }
        if (f2) {
            a.step(
                    "It extracts subscriber or device identifiers, signalling or metadata over the air interface, as an"
                            + " IMSI catcher does: 5A001.f.2.",
                    "WA-5A001F");
            subparagraphs.add("f.2");
        }
        if (functions.contains(InterceptionFunction.JAMMING)) {
            a.step(
                    "It jams by simulating radio-access-network functions or exploiting protocol characteristics:"
                            + " 5A001.f.3.",
                    "WA-5A001F");
            subparagraphs.add("f.3");
        }
        if (functions.contains(InterceptionFunction.DETECTION)) {
            a.step(
                    "It monitors radio frequencies to detect interception or jamming equipment: 5A001.f.4.",
                    "WA-5A001F");
            subparagraphs.add("f.4");
        }
        if (subparagraphs.isEmpty() && !pending) {
            return;
        }
        family(d, a, "5A001.f", subparagraphs, pending);
    }

    static void monitoringCentre(CapabilityDescription d, Assessment a) {
        Tri e1 = d.handoverInterface().and(d.hardSelectorSearch());
        Tri e2 = d.relationalMapping();
        Tri met = e1.and(e2);
        if (met.isNo()) {
            a.exclude(
                    "5D001.e needs both hard-selector searches on communications obtained from a provider through"
                            + " a handover interface and relational mapping or movement tracking; "
                            + (e1.isNo() ? "the first is missing." : "the second is missing."),
                    "WA-5D001E");
            return;
        }
        boolean pending = !met.isYes();
        if (met.isYes()) {
            a.step(
                    "It runs hard-selector searches on content or metadata obtained from a communications service"
                            + " provider through a handover interface, and maps relational networks or tracks movement of"
                            + " targeted individuals: 5D001.e.",
                    "WA-5D001E",
                    "WA-DEF-HARDSEL");
        } else {
            if (!d.handoverInterface().isKnown()) {
                a.unanswered(
                        HANDOVER_INTERFACE, "Does it work on data received through a handover interface?", "WA-5D001E");
            }
            if (!d.hardSelectorSearch().isKnown()) {
                a.unanswered(HARD_SELECTOR_SEARCH, "Does it search by hard selectors?", "WA-5D001E");
            }
            if (!d.relationalMapping().isKnown()) {
                a.unanswered(RELATIONAL_MAPPING, "Does it map relational networks or track movement?", "WA-5D001E");
            }
        }
        Set<ItemForm> forms = IntrusionRules.requireForms(d, a);
        if (IntrusionRules.onlyService(forms, a)) {
            return;
        }
        if (forms.contains(ItemForm.SOFTWARE) || forms.contains(ItemForm.HARDWARE)) {
            if (!forms.contains(ItemForm.SOFTWARE)) {
                a.step("On an appliance, the monitoring software it runs is what 5D001.e catches.", "WA-5D001E");
            }
            a.match(
                    "5D001.e",
                    null,
                    forms.contains(ItemForm.SOFTWARE) ? ItemForm.SOFTWARE : ItemForm.HARDWARE,
                    pending);
        }
        if (forms.contains(ItemForm.TECHNOLOGY)) {
            technology(d, a, "5D001.e", pending);
        }
    }

    static void mediation(Assessment a) {
        a.exclude(
                "Software for mediation devices is excluded from 5D001.e, and a mediation device is not"
                        + " carrier-grade surveillance under 5A001.j: no entry held here catches it.",
                "WA-5D001E",
                "WA-5A001J");
    }

    /** 5E001.a covers development, production and use, but not operation (WA-5E001A). */
    private static void technology(
            CapabilityDescription d, Assessment a, String system, boolean pending, String... subparagraphs) {
        Tri operationOnly = d.operationOnlyTechnology();
        if (operationOnly.isYes()) {
            a.exclude(
                    "The technology only lets the customer operate the system; 5E001.a excludes operation, so it"
                            + " does not apply.",
                    "WA-5E001A");
            return;
        }
        if (!operationOnly.isKnown()) {
            a.unanswered(OPERATION_ONLY_TECHNOLOGY, "Is the technology only for operating the system?", "WA-5E001A");
        }
        a.step("Technology for the development, production or use of " + system + " falls under 5E001.a.", "WA-5E001A");
        a.match("5E001.a", system, ItemForm.TECHNOLOGY, pending || !operationOnly.isKnown(), subparagraphs);
    }

    /** Maps a 5A001 system to the entries for its forms: equipment, software, technology, tooling. */
    private static void family(
            CapabilityDescription d, Assessment a, String system, List<String> subparagraphs, boolean pending) {
        Tri tooling = d.developmentTooling();
        if (!tooling.isKnown()) {
            a.unanswered(
                    DEVELOPMENT_TOOLING,
                    "Is it tooling to develop, produce or test such systems?",
                    "WA-5B001A",
                    "WA-5D001");
            pending = true;
        }
        Set<ItemForm> forms = IntrusionRules.requireForms(d, a);
        if (IntrusionRules.onlyService(forms, a)) {
            return;
        }
        String[] subs = subparagraphs.toArray(String[]::new);
        for (ItemForm form : forms) {
            switch (form) {
                case HARDWARE -> {
                    if (tooling.isYes()) {
                        a.step(
                                "As test, inspection or production equipment for " + system
                                        + " it falls under 5B001.a.",
                                "WA-5B001A");
                        a.match("5B001.a", system, form, pending, subs);
                    } else {
                        a.step(
                                "As equipment it falls under " + system + ".",
                                system.equals("5A001.j") ? "WA-5A001J" : "WA-5A001F");
                        a.match(system, null, form, pending, subs);
                    }
                }
                case SOFTWARE -> {
                    if (tooling.isYes()) {
                        a.step(
                                "As software for the development, production or use of " + system
                                        + " equipment it falls under 5D001.a.",
                                "WA-5D001");
                        a.match("5D001.a", system, form, pending, subs);
                    } else {
                        a.step(
                                "As software that provides the functions of " + system + " equipment it falls under"
                                        + " 5D001.c.",
                                "WA-5D001");
                        a.match("5D001.c", system, form, pending, subs);
                    }
                }
                case TECHNOLOGY -> technology(d, a, system, pending, subs);
                case SERVICE ->
                    a.step("The service part is not an item; the entries follow what is handed over.", "EU-ACTIVITIES");
            }
        }
    }
}
