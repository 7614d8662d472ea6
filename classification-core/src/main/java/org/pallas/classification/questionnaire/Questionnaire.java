package org.pallas.classification.questionnaire;

import static org.pallas.classification.capability.Field.*;
import static org.pallas.classification.questionnaire.Condition.allOf;
import static org.pallas.classification.questionnaire.Condition.always;
import static org.pallas.classification.questionnaire.Condition.anyOf;
import static org.pallas.classification.questionnaire.Condition.is;
import static org.pallas.classification.questionnaire.Condition.not;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.ExcludedCategory;
import org.pallas.classification.capability.ExtractionMethod;
import org.pallas.classification.capability.Field;
import org.pallas.classification.capability.FieldError;
import org.pallas.classification.capability.InterceptionFunction;
import org.pallas.classification.capability.InvalidDescriptionException;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.PlatformFunction;
import org.pallas.classification.capability.TransferPurpose;
import org.pallas.classification.capability.Tri;

/**
 * The guided questionnaire behind a {@link CapabilityDescription}. Questions are asked in a fixed
 * order and each has an applicability condition over earlier answers, so {@link #nextQuestions}
 * offers only what matters for the answers so far. A server can render the result as a plain HTML
 * form and re-render after each post; the same model serialises to JSON.
 *
 * <p>Applicability is evaluated in order over the answers that are themselves applicable, so an
 * answer left behind after an earlier answer changed never switches a later question on.
 */
public final class Questionnaire {

    private static final Questionnaire STANDARD = new Questionnaire(standardQuestions());

    private final List<Question> questions;

    Questionnaire(List<Question> questions) {
        this.questions = List.copyOf(questions);
        checkWellFormed();
    }

    public static Questionnaire standard() {
        return STANDARD;
    }

    public List<Question> questions() {
        return questions;
    }

    public Question question(Field field) {
        return questions.stream().filter(q -> q.field() == field).findFirst().orElseThrow();
    }

    /** Questions that apply given the answers, in order, whether answered or not. */
    public List<Question> applicable(Answers answers) {
        var effective = new LinkedHashMap<String, List<String>>();
        var view = Answers.view(effective);
        var result = new ArrayList<Question>();
        for (Question question : questions) {
            if (question.applies().test(view)) {
                result.add(question);
                if (answers.isAnswered(question.id())) {
                    effective.put(question.id(), answers.get(question.id()));
                }
            }
        }
        return result;
    }

    /** Applicable questions not yet answered, in order: what the form shows next. */
    public List<Question> nextQuestions(Answers answers) {
        return applicable(answers).stream()
                .filter(q -> !answers.isAnswered(q.id()))
                .toList();
    }

    public boolean isComplete(Answers answers) {
        return nextQuestions(answers).isEmpty();
    }

    /** The answers without those to questions that no longer apply (call after an answer changes). */
    public Answers prune(Answers answers) {
        var kept = new LinkedHashMap<String, List<String>>();
        for (Question question : applicable(answers)) {
            if (answers.isAnswered(question.id())) {
                kept.put(question.id(), answers.get(question.id()));
            }
        }
        return Answers.of(kept);
    }

    /**
     * Field-level problems: unknown questions or options, several answers to a single-choice
     * question, "none" combined with other options, and answers to questions that do not apply.
     */
    public List<FieldError> validate(Answers answers) {
        var errors = new ArrayList<FieldError>();
        try {
            CapabilityDescription.fromAnswers(answers.asMap());
        } catch (InvalidDescriptionException e) {
            errors.addAll(e.errors());
        }
        errors.addAll(inapplicable(answers));
        return errors;
    }

    /**
     * Answers to questions that do not apply (any more), each with the condition under which the
     * question is asked. A form that lets a later answer switch off an earlier question shows these
     * to the user and then calls {@link #prune}; nothing is dropped without saying so.
     */
    public List<FieldError> inapplicable(Answers answers) {
        var applicable = applicable(answers).stream().map(Question::id).toList();
        var notices = new ArrayList<FieldError>();
        for (String id : answers.asMap().keySet()) {
            Field.byId(id)
                    .filter(field -> !applicable.contains(id))
                    .ifPresent(field -> notices.add(new FieldError(
                            id,
                            "does not apply: asked only when "
                                    + question(field).applies().describe())));
        }
        return notices;
    }

    /** The description for valid answers; unanswered questions stay unknown. */
    public CapabilityDescription describe(Answers answers) {
        var errors = validate(answers);
        if (!errors.isEmpty()) {
            throw new InvalidDescriptionException(errors);
        }
        return CapabilityDescription.fromAnswers(answers.asMap());
    }

    private void checkWellFormed() {
        var seen = EnumSet.noneOf(Field.class);
        for (Question question : questions) {
            question.applies().fields().forEach(f -> {
                if (!seen.contains(f)) {
                    throw new IllegalStateException(
                            "question " + question.id() + " depends on " + f.id() + ", which is not asked before it");
                }
            });
            if (!seen.add(question.field())) {
                throw new IllegalStateException("question " + question.id() + " defined twice");
            }
        }
        if (!seen.equals(EnumSet.allOf(Field.class))) {
            var missing = EnumSet.complementOf(seen);
            throw new IllegalStateException("no question for " + missing);
        }
    }

    // --- the standard questions -------------------------------------------------------------

    private static List<Question> standardQuestions() {
        Condition intrusionKind = is(
                ITEM_KIND,
                ItemKind.EXPLOIT,
                ItemKind.IMPLANT,
                ItemKind.INTRUSION_PLATFORM,
                ItemKind.EXPLOIT_DEVELOPMENT_FRAMEWORK,
                ItemKind.ACCESS_AS_A_SERVICE,
                ItemKind.PENETRATION_TESTING_FRAMEWORK);
        Condition otherNotExcluded = allOf(is(ITEM_KIND, ItemKind.OTHER), is(EXCLUDED_CATEGORY, ExcludedCategory.NONE));
        Condition hasPlatformFunction = is(
                PLATFORM_FUNCTIONS,
                PlatformFunction.GENERATE,
                PlatformFunction.COMMAND_AND_CONTROL,
                PlatformFunction.DELIVER);
        Condition updateNoteFails = allOf(
                is(ITEM_KIND, ItemKind.SOFTWARE_UPDATE_SYSTEM),
                anyOf(
                        is(SOFTWARE_UPDATE_ONLY, Tri.NO),
                        is(OWNER_AUTHORISATION, Tri.NO),
                        is(UPDATED_SOFTWARE_CONTROLLED, Tri.YES)));
        Condition exploitBasedForensics = is(EXTRACTION_METHOD, ExtractionMethod.EXPLOIT_BASED);
        Condition payloadMatters = anyOf(
                is(ITEM_KIND, ItemKind.EXPLOIT, ItemKind.IMPLANT),
                hasPlatformFunction,
                allOf(is(ITEM_KIND, ItemKind.EXPLOIT_DEVELOPMENT_FRAMEWORK), is(ITEM_FORMS, ItemForm.TECHNOLOGY)),
                allOf(is(ITEM_KIND, ItemKind.VULNERABILITY_RESEARCH), is(EXPLOITATION_TECHNIQUE, Tri.YES)),
                exploitBasedForensics,
                updateNoteFails);
        Condition notHarmlessTool = not(is(
                EXCLUDED_CATEGORY,
                ExcludedCategory.HYPERVISOR,
                ExcludedCategory.DEBUGGER,
                ExcludedCategory.REVERSE_ENGINEERING,
                ExcludedCategory.DRM));
        Condition operational = anyOf(
                intrusionKind,
                is(
                        ITEM_KIND,
                        ItemKind.FORENSIC_EXTRACTION,
                        ItemKind.IP_NETWORK_SURVEILLANCE,
                        ItemKind.MOBILE_INTERCEPTION,
                        ItemKind.MONITORING_CENTRE,
                        ItemKind.LAWFUL_INTERCEPT_MEDIATION),
                allOf(
                        is(ITEM_KIND, ItemKind.OTHER),
                        is(EXCLUDED_CATEGORY, ExcludedCategory.ASSET_TRACKING, ExcludedCategory.NONE)),
                updateNoteFails);
        Condition art5Matters = allOf(
                is(ITEM_KIND, kindsExcept(ItemKind.VULNERABILITY_RESEARCH, ItemKind.SOFTWARE_UPDATE_SYSTEM)),
                notHarmlessTool);

        var q = new ArrayList<Question>();
        q.add(new Question(
                ITEM_KIND,
                "What kind of product is it?",
                "Pick the closest description of the product as a whole. A spyware suite sold with its operator"
                        + " console is a command-and-control platform; an exploit sold on its own is an exploit.",
                always(),
                List.of("WA-IS-NOTCTRL")));
        q.add(new Question(
                ITEM_FORMS,
                "In what form does it leave your company?",
                "Pick every form you supply. Technology means technical information needed to develop, produce"
                        + " or use the product: design documents, exploit write-ups, training.",
                always(),
                List.of("WA-4E001A", "WA-4E001C", "WA-GTN-GSN")));
        q.add(new Question(
                EXCLUDED_CATEGORY,
                "Is it one of these kinds of tool?",
                "The definition of intrusion software leaves out hypervisors, debuggers, reverse-engineering tools,"
                        + " DRM, and asset tracking or recovery that the owner installs.",
                is(ITEM_KIND, ItemKind.OTHER),
                List.of("WA-DEF-IS-X1", "WA-DEF-IS-X2", "WA-DEF-IS-X3")));
        q.add(new Question(
                DEVELOPMENT_TOOLING,
                "Is it tooling to develop, produce or test such systems,"
                        + " rather than the operational system itself?",
                "For example a build or test environment for a spyware platform, or a test rig for an IP surveillance"
                        + " system. Answer No for the system the customer operates.",
                is(
                        ITEM_KIND,
                        ItemKind.INTRUSION_PLATFORM,
                        ItemKind.IP_NETWORK_SURVEILLANCE,
                        ItemKind.MOBILE_INTERCEPTION),
                List.of("WA-4D001A", "WA-5B001A", "WA-5D001")));
        q.add(new Question(
                EXTRACTION_METHOD,
                "How does the tool get at the data on the device?",
                "Logical extraction uses the device's own backup or documented interfaces on an unlocked device."
                        + " Exploit-based extraction defeats the lock screen, encryption or other security controls.",
                is(ITEM_KIND, ItemKind.FORENSIC_EXTRACTION),
                List.of("WA-DEF-IS", "WA-DEF-PCM")));
        q.add(new Question(
                SOFTWARE_UPDATE_ONLY,
                "Is the system specially designed and limited to delivering" + " updates or upgrades of software?",
                "Answer No if it can also deliver other code, for example arbitrary payloads chosen by an operator.",
                is(ITEM_KIND, ItemKind.SOFTWARE_UPDATE_SYSTEM),
                List.of("WA-4D004-N1")));
        q.add(new Question(
                OWNER_AUTHORISATION,
                "Does an update run only with the authorisation of the owner or"
                        + " administrator of the receiving system?",
                "For example the owner has enrolled the device or approves installation. Silent pushes to devices"
                        + " whose owner has not agreed do not count.",
                allOf(is(ITEM_KIND, ItemKind.SOFTWARE_UPDATE_SYSTEM), is(SOFTWARE_UPDATE_ONLY, Tri.YES)),
                List.of("WA-4D004-N1")));
        q.add(new Question(
                UPDATED_SOFTWARE_CONTROLLED,
                "After the update, is the updated software itself"
                        + " intrusion software or command-and-control software for it?",
                "Answer No for ordinary product updates.",
                allOf(
                        is(ITEM_KIND, ItemKind.SOFTWARE_UPDATE_SYSTEM),
                        is(SOFTWARE_UPDATE_ONLY, Tri.YES),
                        is(OWNER_AUTHORISATION, Tri.YES)),
                List.of("WA-4D004-N1")));
        q.add(new Question(
                PLATFORM_FUNCTIONS,
                "Does the product, as you supply it, generate, command or deliver" + " exploits or implants?",
                "Generate: builds or configures exploits or implants. Command and control: operator console or"
                        + " servers that steer deployed implants and receive their data. Deliver: sends exploits or"
                        + " implants to targets (message, link, network injection, physical). For an exploit or implant"
                        + " sold alone, answer None.",
                anyOf(intrusionKind, otherNotExcluded),
                List.of("WA-4A005", "WA-4D004", "WA-IS-NOTCTRL")));
        q.add(new Question(
                EXPLOITATION_TECHNIQUE,
                "Does it contain the information needed to build an exploit"
                        + " that evades security monitoring or defeats protections such as ASLR or sandboxing?",
                "For example a working exploit, a bypass technique or a step-by-step exploitation write-up. A report"
                        + " that only describes where the bug is and how it crashes is No.",
                is(ITEM_KIND, ItemKind.VULNERABILITY_RESEARCH),
                List.of("WA-4E001C", "WA-DEF-IS")));
        q.add(new Question(
                EVADES_MONITORING,
                "Is the exploit or implant built to avoid detection by monitoring" + " tools?",
                "Monitoring tools include antivirus, endpoint security, intrusion detection or prevention systems"
                        + " and firewalls. For a platform, answer for what it generates, commands or delivers.",
                payloadMatters,
                List.of("WA-DEF-IS", "WA-DEF-MON")));
        q.add(new Question(
                DEFEATS_COUNTERMEASURES,
                "Is it built to defeat protective countermeasures?",
                "Protective countermeasures keep code execution safe: DEP, ASLR, sandboxing, secure boot,"
                        + " lock-screen and encryption protections.",
                payloadMatters,
                List.of("WA-DEF-IS", "WA-DEF-PCM")));
        q.add(new Question(
                PAYLOAD_EFFECTS,
                "What does it do on the target device?",
                "Pick every effect. Running outside instructions means changing a program's normal execution so that"
                        + " code chosen by the operator runs.",
                allOf(payloadMatters, not(allOf(is(EVADES_MONITORING, Tri.NO), is(DEFEATS_COUNTERMEASURES, Tri.NO)))),
                List.of("WA-DEF-IS")));
        q.add(new Question(
                CARRIER_CLASS,
                "Does it work on a carrier-class IP network, such as a national IP" + " backbone?",
                "Enterprise or campus networks are not carrier-class.",
                is(ITEM_KIND, ItemKind.IP_NETWORK_SURVEILLANCE),
                List.of("WA-5A001J")));
        q.add(new Question(
                NETWORK_ANALYSIS,
                "Which of these does it do with the traffic?",
                "5A001.j needs all three.",
                is(ITEM_KIND, ItemKind.IP_NETWORK_SURVEILLANCE),
                List.of("WA-5A001J")));
        q.add(new Question(
                HARD_SELECTOR_SEARCH,
                "Is it specially designed to search by hard selectors?",
                "Hard selectors are data about a person: name, e-mail address, street address, phone number, group"
                        + " affiliation.",
                is(ITEM_KIND, ItemKind.IP_NETWORK_SURVEILLANCE, ItemKind.MONITORING_CENTRE),
                List.of("WA-5A001J", "WA-5D001E", "WA-DEF-HARDSEL")));
        q.add(new Question(
                RELATIONAL_MAPPING,
                "Does it map the relational network of a person or group, or track"
                        + " the movement of targeted people?",
                "For example a graph of who communicates with whom, or a location history built from search results.",
                is(ITEM_KIND, ItemKind.IP_NETWORK_SURVEILLANCE, ItemKind.MONITORING_CENTRE),
                List.of("WA-5A001J", "WA-5D001E")));
        q.add(new Question(
                DESIGNED_FOR,
                "What is the system specially designed for?",
                "Systems specially designed for marketing, quality of service or quality of experience are outside"
                        + " 5A001.j.",
                is(ITEM_KIND, ItemKind.IP_NETWORK_SURVEILLANCE),
                List.of("WA-5A001J-X")));
        q.add(new Question(
                INTERCEPTION_FUNCTIONS,
                "Which of these does the equipment do?",
                "Pick every function.",
                is(ITEM_KIND, ItemKind.MOBILE_INTERCEPTION),
                List.of("WA-5A001F")));
        q.add(new Question(
                INTERCEPTION_EXCLUSION,
                "Is the equipment specially designed for one of these?",
                "These designs are outside 5A001.f.1 and f.2.",
                allOf(
                        is(ITEM_KIND, ItemKind.MOBILE_INTERCEPTION),
                        is(
                                INTERCEPTION_FUNCTIONS,
                                InterceptionFunction.AIR_INTERFACE_CONTENT,
                                InterceptionFunction.SUBSCRIBER_IDENTIFIERS)),
                List.of("WA-5A001F-X")));
        q.add(new Question(
                HANDOVER_INTERFACE,
                "Does it work on communications content or metadata received from a"
                        + " telecoms provider through a lawful-interception handover interface?",
                "Handover interfaces follow standards such as ETSI TS 101 671, ETSI TS 101 331 or 3GPP TS 33.108.",
                is(ITEM_KIND, ItemKind.MONITORING_CENTRE),
                List.of("WA-5D001E")));
        q.add(new Question(
                OPERATION_ONLY_TECHNOLOGY,
                "Is the technology only what the customer needs to operate the"
                        + " system, such as user manuals and operator training?",
                "5E001.a covers technology for developing, producing or using these systems but not for operating"
                        + " them. Answer No if it includes design, installation, integration or maintenance know-how.",
                allOf(
                        is(ITEM_FORMS, ItemForm.TECHNOLOGY),
                        is(
                                ITEM_KIND,
                                ItemKind.IP_NETWORK_SURVEILLANCE,
                                ItemKind.MOBILE_INTERCEPTION,
                                ItemKind.MONITORING_CENTRE)),
                List.of("WA-5E001A")));
        q.add(new Question(
                TRANSFER_PURPOSE,
                "Why is the technology handed over?",
                "Vulnerability disclosure and cyber incident response are outside 4E001.a and 4E001.c, but only"
                        + " when the recipient is responsible for fixing the problem or coordinating the fix.",
                allOf(
                        is(ITEM_FORMS, ItemForm.TECHNOLOGY),
                        is(
                                ITEM_KIND,
                                kindsExcept(
                                        ItemKind.IP_NETWORK_SURVEILLANCE,
                                        ItemKind.MOBILE_INTERCEPTION,
                                        ItemKind.MONITORING_CENTRE,
                                        ItemKind.LAWFUL_INTERCEPT_MEDIATION))),
                List.of("WA-4E001-N1", "WA-DEF-VD", "WA-DEF-CIR")));
        q.add(new Question(
                RECIPIENT,
                "Who receives it?",
                "A vendor's security team or a CERT can receive a vulnerability disclosure; a buyer or broker cannot.",
                is(TRANSFER_PURPOSE, TransferPurpose.VULNERABILITY_DISCLOSURE, TransferPurpose.INCIDENT_RESPONSE),
                List.of("WA-DEF-VD", "WA-DEF-CIR", "WA-4E001-N2")));
        q.add(new Question(
                PUBLISHED,
                "Is the software or technology published, that is available to anyone"
                        + " without restriction on further sharing?",
                "For example open source on a public repository or a public conference paper. Sharing under NDA, to"
                        + " vetted customers or in a closed forum is not published.",
                allOf(
                        is(ITEM_FORMS, ItemForm.SOFTWARE, ItemForm.TECHNOLOGY),
                        not(is(ITEM_KIND, ItemKind.LAWFUL_INTERCEPT_MEDIATION)),
                        notHarmlessTool),
                List.of("WA-GTN-GSN")));
        q.add(new Question(
                ENCRYPTION_CAT5P2,
                "Is the product also classified under Category 5 Part 2" + " (information security, encryption)?",
                "US License Exception ACE does not cover items also controlled under Category 5 Part 2. Answer Not"
                        + " sure if you have no encryption classification.",
                allOf(
                        is(ITEM_FORMS, ItemForm.HARDWARE, ItemForm.SOFTWARE),
                        anyOf(
                                is(ITEM_KIND, ItemKind.IP_NETWORK_SURVEILLANCE),
                                hasPlatformFunction,
                                exploitBasedForensics,
                                updateNoteFails)),
                List.of("US-ACE-NOT-CAT5P2")));
        q.add(new Question(
                TARGET_PLATFORMS,
                "Which platforms does it target?",
                "Pick every platform.",
                anyOf(intrusionKind, is(ITEM_KIND, ItemKind.FORENSIC_EXTRACTION, ItemKind.VULNERABILITY_RESEARCH)),
                List.of("WA-DEF-IS-NOTE")));
        q.add(new Question(
                DELIVERY_VECTORS,
                "How does the exploit or implant reach the target?",
                "Zero-click needs no action by the target; network injection redirects the target's traffic on the"
                        + " operator's network.",
                is(
                        ITEM_KIND,
                        ItemKind.EXPLOIT,
                        ItemKind.IMPLANT,
                        ItemKind.INTRUSION_PLATFORM,
                        ItemKind.ACCESS_AS_A_SERVICE,
                        ItemKind.PENETRATION_TESTING_FRAMEWORK),
                List.of("CASE-04", "CASE-11")));
        q.add(new Question(
                PERSISTENCE,
                "Does the implant survive on the device?",
                "Pick the strongest that applies.",
                is(ITEM_KIND, ItemKind.IMPLANT, ItemKind.INTRUSION_PLATFORM, ItemKind.ACCESS_AS_A_SERVICE),
                List.of("PMP-PRE-1")));
        q.add(new Question(
                DATA_COLLECTED,
                "What does it extract, collect or modify?",
                "Pick every category.",
                operational,
                List.of("EU-ART2-20", "EUREC-RF-ITEM")));
        q.add(new Question(
                SAFEGUARDS,
                "Which safeguards are built in?",
                "Count only safeguards enforced by the product itself, not contract terms.",
                operational,
                List.of("PMP-PRE-2", "PMP-IND-D4")));
        q.add(new Question(
                UPDATE_CHANNEL,
                "How do updates reach the customer's installation?",
                "Vendor remote access to customer systems is a known risk: it exposes collected data to the vendor.",
                operational,
                List.of("US-EO-CI-2", "CASE-17")));
        q.add(new Question(
                COVERT,
                "Is it designed to work without the knowledge of the people whose data it" + " collects?",
                "Covert surveillance is one of the four elements of an EU cyber-surveillance item.",
                art5Matters,
                List.of("EU-ART2-20")));
        q.add(new Question(
                NATURAL_PERSONS,
                "Does it target or monitor individual people (rather than systems or" + " network performance)?",
                "The EU catch-all concerns surveillance of natural persons.",
                art5Matters,
                List.of("EU-ART2-20")));
        q.add(new Question(
                ICT_DATA,
                "Does it monitor, extract, collect or analyse data from information or" + " telecommunication systems?",
                "Devices, networks, accounts and telecoms traffic all count.",
                art5Matters,
                List.of("EU-ART2-20")));
        q.add(new Question(
                SURVEILLANCE_DESIGN,
                "Is it specially designed to enable that surveillance, rather than"
                        + " being a general-purpose product?",
                "Marketing that emphasises covert surveillance capabilities is a red flag for this element.",
                art5Matters,
                List.of("EU-ART2-20", "EUREC-RF-ITEM")));
        return q;
    }

    private static ItemKind[] kindsExcept(ItemKind... excluded) {
        var kinds = EnumSet.allOf(ItemKind.class);
        kinds.removeAll(List.of(excluded));
        return kinds.toArray(ItemKind[]::new);
    }
}
