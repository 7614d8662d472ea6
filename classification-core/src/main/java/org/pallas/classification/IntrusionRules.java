package org.pallas.classification;

import static org.pallas.classification.capability.Field.DEFEATS_COUNTERMEASURES;
import static org.pallas.classification.capability.Field.DEVELOPMENT_TOOLING;
import static org.pallas.classification.capability.Field.EVADES_MONITORING;
import static org.pallas.classification.capability.Field.EXCLUDED_CATEGORY;
import static org.pallas.classification.capability.Field.EXPLOITATION_TECHNIQUE;
import static org.pallas.classification.capability.Field.EXTRACTION_METHOD;
import static org.pallas.classification.capability.Field.ITEM_FORMS;
import static org.pallas.classification.capability.Field.OWNER_AUTHORISATION;
import static org.pallas.classification.capability.Field.PAYLOAD_EFFECTS;
import static org.pallas.classification.capability.Field.PLATFORM_FUNCTIONS;
import static org.pallas.classification.capability.Field.SOFTWARE_UPDATE_ONLY;
import static org.pallas.classification.capability.Field.UPDATED_SOFTWARE_CONTROLLED;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.PayloadEffect;
import org.pallas.classification.capability.PlatformFunction;
import org.pallas.classification.capability.Tri;

/**
 * Category 4 intrusion entries: 4A005, 4D004, 4D001.a, 4E001.a and 4E001.c, with the definition of
 * "intrusion software" and its exclusions, the software-update note and WA-IS-NOTCTRL (an exploit or
 * implant is never 4D004 merely because it is intrusion software).
 */
final class IntrusionRules {

    private IntrusionRules() {}

    static void payloadProduct(CapabilityDescription d, Assessment a) {
        String subject = d.itemKind() == ItemKind.EXPLOIT ? "The exploit" : "The implant";
        Tri intrusion = intrusionSoftware(d, a, subject);
        if (!intrusion.isNo()) {
            a.step(
                    "Intrusion software is not itself a listed item: an exploit or implant is not 4D004 just because"
                            + " it is intrusion software. Only the platforms that generate, command or deliver it, and"
                            + " technology for developing it, are controlled.",
                    "WA-IS-NOTCTRL");
        }
        Tri functions = platformFunctions(d, a);
        if (functions.isNo()) {
            a.exclude(
                    "The product does not generate, command or deliver intrusion software, so neither 4A005 nor"
                            + " 4D004 applies.",
                    "WA-IS-NOTCTRL",
                    "WA-4A005",
                    "WA-4D004");
        } else {
            if (functions.isYes()) {
                a.step(
                        "The product is supplied with components that " + functionText(d)
                                + " it, so those are assessed as an intrusion platform.",
                        "WA-4A005",
                        "WA-4D004");
            }
            platform(d, a, intrusion, !functions.isYes());
        }
        technologyForIntrusionSoftware(d, a, intrusion);
    }

    static void platformProduct(CapabilityDescription d, Assessment a) {
        ItemKind kind = d.itemKind();
        if (kind == ItemKind.ACCESS_AS_A_SERVICE) {
            a.step(
                    "Access-as-a-service: the vendor runs intrusions for its customers. A service is not itself a"
                            + " listed item, so what the customer receives decides the entries.",
                    "PMP-COP-DEF-CCIC",
                    "EU-ACTIVITIES");
        } else if (kind == ItemKind.PENETRATION_TESTING_FRAMEWORK) {
            a.step(
                    "Penetration testing is legitimate security work, but a framework that generates, commands or"
                            + " delivers exploits meeting the definition is assessed like any such platform.",
                    "PMP-COP-LEGITSEC",
                    "WA-4D004");
        }
        Tri functions = platformFunctions(d, a);
        Tri intrusion = Tri.UNKNOWN;
        if (!functions.isKnown()) {
            a.step(
                    "Whether it is an intrusion platform depends on what it generates, commands or delivers.",
                    "WA-4A005",
                    "WA-4D004");
        } else if (functions.isNo()) {
            a.exclude(
                    "It does not generate, command or deliver exploits or implants, so neither 4A005 nor 4D004"
                            + " applies.",
                    "WA-4A005",
                    "WA-4D004");
            if (kind == ItemKind.EXPLOIT_DEVELOPMENT_FRAMEWORK) {
                a.step(
                        "Software that helps people write exploits without generating them is not caught by 4D004;"
                                + " 4E001.c covers technology for developing intrusion software, not software.",
                        "WA-4D004",
                        "WA-4E001C");
            }
        } else {
            intrusion = intrusionSoftware(d, a, "What it generates, commands or delivers");
            platform(d, a, intrusion, false);
        }
        if (kind == ItemKind.EXPLOIT_DEVELOPMENT_FRAMEWORK && forms(d).contains(ItemForm.TECHNOLOGY)) {
            if (!functions.isYes()) {
                intrusion = intrusionSoftware(d, a, "The exploits it is used to develop");
            }
            technologyForIntrusionSoftware(d, a, intrusion);
        }
    }

    static void research(CapabilityDescription d, Assessment a) {
        if (forms(d).contains(ItemForm.SOFTWARE)) {
            a.step(
                    "Proof-of-concept exploit code is at most intrusion software, which is not itself a listed item.",
                    "WA-IS-NOTCTRL");
        }
        Tri technique = d.exploitationTechnique();
        if (!technique.isKnown()) {
            a.unanswered(
                    EXPLOITATION_TECHNIQUE,
                    "Does it contain the information needed to build an exploit that"
                            + " evades monitoring or defeats protective countermeasures?",
                    "WA-4E001C");
            return;
        }
        if (technique.isNo()) {
            a.exclude(
                    "It describes the vulnerability but not how to exploit it past monitoring tools or protective"
                            + " countermeasures, so it is not technology for the development of intrusion software.",
                    "WA-4E001C",
                    "WA-DEF-IS");
            return;
        }
        Tri intrusion = intrusionSoftware(d, a, "The exploit it enables");
        if (!forms(d).contains(ItemForm.TECHNOLOGY) && !forms(d).isEmpty()) {
            a.exclude("No technology is handed over, so 4E001.c does not apply.", "WA-4E001C");
            return;
        }
        requireForms(d, a);
        technologyForIntrusionSoftware(d, a, intrusion);
    }

    static void forensic(CapabilityDescription d, Assessment a) {
        if (d.extractionMethod() == null) {
            a.unanswered(EXTRACTION_METHOD, "How does the tool get at the data on the device?", "WA-DEF-IS");
            return;
        }
        switch (d.extractionMethod()) {
            case LOGICAL ->
                a.exclude(
                        "Logical extraction through the device's own interfaces on an unlocked device"
                                + " neither evades monitoring tools nor defeats protective countermeasures: nothing it runs is"
                                + " intrusion software, so 4A005 and 4D004 do not apply.",
                        "WA-DEF-IS",
                        "WA-DEF-PCM");
            case EXPLOIT_BASED -> {
                a.step(
                        "The tool delivers exploit code to the device to bypass its protections. The definition has no"
                                + " exception for physical access, so the tool is assessed as a delivery platform.",
                        "WA-DEF-IS",
                        "WA-4D004");
                Tri intrusion = intrusionSoftware(d, a, "The exploit code it delivers");
                platform(d, a, intrusion, false);
            }
        }
    }

    static void updateSystem(CapabilityDescription d, Assessment a) {
        Tri updateOnly = d.softwareUpdateOnly();
        if (!updateOnly.isKnown()) {
            a.unanswered(
                    SOFTWARE_UPDATE_ONLY, "Is it specially designed and limited to delivering updates?", "WA-4D004-N1");
            return;
        }
        if (updateOnly.isNo()) {
            a.step(
                    "It can deliver more than updates, so the software-update note to 4D004 does not apply.",
                    "WA-4D004-N1");
        } else if (!d.ownerAuthorisation().isKnown()) {
            a.unanswered(
                    OWNER_AUTHORISATION,
                    "Do updates run only with the owner's or administrator's" + " authorisation?",
                    "WA-4D004-N1");
            return;
        } else if (d.ownerAuthorisation().isNo()) {
            a.step(
                    "Updates can run without the authorisation of the owner or administrator of the receiving"
                            + " system, so the software-update note to 4D004 does not apply.",
                    "WA-4D004-N1");
        } else if (!d.updatedSoftwareControlled().isKnown()) {
            a.unanswered(
                    UPDATED_SOFTWARE_CONTROLLED,
                    "Is the updated software itself intrusion software or 4D004" + " software?",
                    "WA-4D004-N1");
            return;
        } else if (d.updatedSoftwareControlled().isNo()) {
            a.exclude(
                    "It is specially designed and limited to delivering updates, each update runs only with the"
                            + " owner's or administrator's authorisation, and the updated software is neither 4D004 software"
                            + " nor intrusion software: the software-update note takes it out of 4D004.",
                    "WA-4D004-N1");
            return;
        } else {
            a.step(
                    "The updated software is itself intrusion software or 4D004 software, so the software-update"
                            + " note does not apply.",
                    "WA-4D004-N1");
        }
        Tri intrusion = intrusionSoftware(d, a, "The code it delivers");
        platform(d, a, intrusion, false);
    }

    static void other(CapabilityDescription d, Assessment a) {
        if (d.excludedCategory() == null) {
            a.unanswered(
                    EXCLUDED_CATEGORY,
                    "Is it a hypervisor, debugger, reverse-engineering tool, DRM or asset" + " tracking?",
                    "WA-DEF-IS-X1",
                    "WA-DEF-IS-X2",
                    "WA-DEF-IS-X3");
            return;
        }
        switch (d.excludedCategory()) {
            case HYPERVISOR, DEBUGGER, REVERSE_ENGINEERING ->
                a.exclude(
                        "Hypervisors, debuggers and software"
                                + " reverse-engineering tools are not intrusion software, and no entry held here covers them.",
                        "WA-DEF-IS-X1");
            case DRM ->
                a.exclude(
                        "Digital rights management software is not intrusion software, and no entry held"
                                + " here covers it.",
                        "WA-DEF-IS-X2");
            case ASSET_TRACKING ->
                a.exclude(
                        "Software installed by the manufacturer, administrator or user for asset"
                                + " tracking or recovery is not intrusion software, and no entry held here covers it.",
                        "WA-DEF-IS-X3");
            case NONE -> {
                Tri functions = platformFunctions(d, a);
                if (functions.isNo()) {
                    a.exclude(
                            "It does not generate, command or deliver intrusion software, so neither 4A005 nor"
                                    + " 4D004 applies.",
                            "WA-4A005",
                            "WA-4D004");
                } else if (functions.isYes()) {
                    Tri intrusion = intrusionSoftware(d, a, "What it generates, commands or delivers");
                    platform(d, a, intrusion, false);
                }
            }
        }
    }

    /**
     * Applies the two-limb definition (WA-DEF-IS): evade monitoring tools or defeat protective
     * countermeasures, AND extract/modify data or alter the execution path.
     */
    private static Tri intrusionSoftware(CapabilityDescription d, Assessment a, String subject) {
        Tri evasion = d.evadesMonitoring().or(d.defeatsCountermeasures());
        Set<PayloadEffect> effects = d.payloadEffects();
        Tri effect = effects.isEmpty() ? Tri.UNKNOWN : Tri.of(!effects.contains(PayloadEffect.NONE));
        Tri result = evasion.and(effect);
        if (evasion.isNo()) {
            a.step(
                    subject + " neither evades monitoring tools nor defeats protective countermeasures, so it is not"
                            + " intrusion software.",
                    "WA-DEF-IS",
                    "WA-DEF-MON",
                    "WA-DEF-PCM");
        } else if (result.isNo()) {
            a.step(
                    subject + " neither extracts or modifies data nor makes outside instructions run, so it is not"
                            + " intrusion software.",
                    "WA-DEF-IS");
        } else if (result.isYes()) {
            var rules = new ArrayList<>(List.of("WA-DEF-IS"));
            var how = new ArrayList<String>();
            if (d.evadesMonitoring().isYes()) {
                how.add("evades monitoring tools");
                rules.add("WA-DEF-MON");
            }
            if (d.defeatsCountermeasures().isYes()) {
                how.add("defeats protective countermeasures");
                rules.add("WA-DEF-PCM");
            }
            a.step(
                    subject + " is intrusion software: it " + Assessment.joined(how) + ", and it "
                            + Assessment.joined(effects.stream()
                                    .map(IntrusionRules::effectText)
                                    .toList()) + ".",
                    rules.toArray(String[]::new));
        } else {
            if (!evasion.isKnown()) {
                if (!d.evadesMonitoring().isKnown()) {
                    a.unanswered(
                            EVADES_MONITORING,
                            "Is it built to avoid detection by monitoring tools?",
                            "WA-DEF-IS",
                            "WA-DEF-MON");
                }
                if (!d.defeatsCountermeasures().isKnown()) {
                    a.unanswered(
                            DEFEATS_COUNTERMEASURES,
                            "Is it built to defeat protective countermeasures?",
                            "WA-DEF-IS",
                            "WA-DEF-PCM");
                }
            }
            if (!effect.isKnown()) {
                a.unanswered(PAYLOAD_EFFECTS, "What does it do on the target device?", "WA-DEF-IS");
            }
            a.step(
                    subject + " may be intrusion software; the answers do not yet settle both parts of the"
                            + " definition.",
                    "WA-DEF-IS");
        }
        return result;
    }

    /**
     * 4A005 (hardware), 4D004 (software) or, for development tooling, 4D001.a, plus 4E001.a for technology.
     * {@code unsure} marks the matches pending when an earlier answer is still open.
     */
    private static void platform(CapabilityDescription d, Assessment a, Tri intrusion, boolean unsure) {
        if (intrusion.isNo()) {
            a.exclude(
                    "What it generates, commands or delivers is not intrusion software, so neither 4A005 nor"
                            + " 4D004 applies.",
                    "WA-4A005",
                    "WA-4D004",
                    "WA-DEF-IS");
            return;
        }
        boolean pending = unsure || !intrusion.isYes();
        Tri tooling = d.itemKind() == ItemKind.INTRUSION_PLATFORM ? d.developmentTooling() : Tri.NO;
        if (!tooling.isKnown()) {
            a.unanswered(
                    DEVELOPMENT_TOOLING,
                    "Is it tooling to develop or produce such platforms, rather than the" + " operational platform?",
                    "WA-4D001A");
            pending = true;
        }
        Set<ItemForm> forms = requireForms(d, a);
        if (onlyService(forms, a)) {
            return;
        }
        String platformCode =
                forms.contains(ItemForm.SOFTWARE) || !forms.contains(ItemForm.HARDWARE) ? "4D004" : "4A005";
        for (ItemForm form : forms) {
            switch (form) {
                case HARDWARE -> {
                    if (tooling.isYes()) {
                        a.interpretation(
                                "Hardware for developing or producing intrusion platforms is not among the"
                                        + " entries held; the authority should check the rest of Category 4.",
                                "WA-4D001A");
                    } else {
                        a.step("As hardware for that purpose it falls under 4A005.", "WA-4A005");
                        a.match("4A005", null, form, pending);
                    }
                }
                case SOFTWARE -> {
                    if (tooling.isYes()) {
                        a.step(
                                "As software for developing or producing such a platform it falls under 4D001.a.",
                                "WA-4D001A");
                        a.match("4D001.a", "4D004", form, pending);
                    } else {
                        a.step(
                                "As software for the generation, command and control, or delivery of intrusion"
                                        + " software it falls under 4D004.",
                                "WA-4D004");
                        a.match("4D004", null, form, pending);
                    }
                }
                case TECHNOLOGY -> {
                    String relatedTo = tooling.isYes() ? "4D001.a" : platformCode;
                    a.step(
                            "Technology for the development, production or use of that platform falls under 4E001.a.",
                            "WA-4E001A");
                    a.match("4E001.a", relatedTo, form, pending);
                }
                case SERVICE ->
                    a.step("The service part is not an item; the entries follow what is handed over.", "EU-ACTIVITIES");
            }
        }
    }

    private static void technologyForIntrusionSoftware(CapabilityDescription d, Assessment a, Tri intrusion) {
        Set<ItemForm> forms = requireForms(d, a);
        if (!forms.contains(ItemForm.TECHNOLOGY)) {
            return;
        }
        if (intrusion.isNo()) {
            a.exclude(
                    "The technology is not for developing intrusion software, so 4E001.c does not apply.", "WA-4E001C");
            return;
        }
        a.step("Technology for the development of intrusion software falls under 4E001.c.", "WA-4E001C");
        a.match("4E001.c", null, ItemForm.TECHNOLOGY, !intrusion.isYes());
    }

    private static Tri platformFunctions(CapabilityDescription d, Assessment a) {
        Set<PlatformFunction> functions = d.platformFunctions();
        if (functions.isEmpty()) {
            a.unanswered(
                    PLATFORM_FUNCTIONS,
                    "Does the product generate, command or deliver exploits or implants?",
                    "WA-4A005",
                    "WA-4D004");
            return Tri.UNKNOWN;
        }
        return Tri.of(!functions.contains(PlatformFunction.NONE));
    }

    static Set<ItemForm> forms(CapabilityDescription d) {
        return d.itemForms();
    }

    static Set<ItemForm> requireForms(CapabilityDescription d, Assessment a) {
        if (d.itemForms().isEmpty()) {
            a.unanswered(ITEM_FORMS, "In what form does the product leave the company?", "WA-GTN-GSN");
        }
        return d.itemForms();
    }

    /** A service alone hands nothing over: that is for the authority, not a silent "not controlled". */
    static boolean onlyService(Set<ItemForm> forms, Assessment a) {
        if (forms.equals(Set.of(ItemForm.SERVICE))) {
            a.interpretation(
                    "Only a service is supplied: no hardware, software or technology is handed over. A"
                            + " service is not itself a listed item; the authority should check whether software or"
                            + " technology is still made available across the border and whether technical-assistance or"
                            + " brokering controls apply.",
                    "EU-ART2-EXPORT",
                    "EU-ACTIVITIES");
            return true;
        }
        return false;
    }

    private static String functionText(CapabilityDescription d) {
        return Assessment.joined(d.platformFunctions().stream()
                .map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .toList());
    }

    private static String effectText(PayloadEffect effect) {
        return switch (effect) {
            case EXTRACTS_DATA -> "extracts data";
            case MODIFIES_DATA -> "modifies system or user data";
            case ALTERS_EXECUTION -> "makes outside instructions run";
            case NONE -> "has no such effect";
        };
    }
}
