package org.pallas.classification;

import static org.pallas.classification.capability.Field.DEFEATS_COUNTERMEASURES;
import static org.pallas.classification.capability.Field.EVADES_MONITORING;
import static org.pallas.classification.capability.Field.PAYLOAD_EFFECTS;
import static org.pallas.classification.capability.Field.PLATFORM_FUNCTIONS;
import static org.pallas.classification.capability.Field.PUBLISHED;
import static org.pallas.classification.capability.Field.RECIPIENT;
import static org.pallas.classification.capability.Field.TRANSFER_PURPOSE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.capability.Recipient;
import org.pallas.classification.capability.Tri;

/**
 * Notes applied after the entries are found: the vulnerability-disclosure and incident-response note
 * to 4E001 (WA-4E001-N1) and the public-domain notes (WA-GTN-GSN). Both remove matches with a reason.
 */
final class DecontrolNotes {

    private static final Set<Recipient> REMEDIATORS_VD = EnumSet.of(Recipient.AFFECTED_VENDOR, Recipient.COORDINATOR);
    private static final Set<Recipient> REMEDIATORS_CIR =
            EnumSet.of(Recipient.AFFECTED_VENDOR, Recipient.COORDINATOR, Recipient.INCIDENT_VICTIM);

    private static final Set<String> INTRUSION_DEFINITION =
            Set.of(EVADES_MONITORING.id(), DEFEATS_COUNTERMEASURES.id(), PAYLOAD_EFFECTS.id(), PLATFORM_FUNCTIONS.id());

    private DecontrolNotes() {}

    private static void vulnerabilityDisclosure(CapabilityDescription d, Assessment a) {
        List<Assessment.Match> technology = a.matches.stream()
                .filter(m -> m.code().equals("4E001.a") || m.code().equals("4E001.c"))
                .toList();
        if (technology.isEmpty()) {
            return;
        }
        if (d.transferPurpose() == null) {
            a.unanswered(TRANSFER_PURPOSE, "Why is the technology handed over?", "WA-4E001-N1");
            markPending(a, technology);
            return;
        }
        switch (d.transferPurpose()) {
            case VULNERABILITY_DISCLOSURE -> {
                if (d.recipient() == null) {
                    a.unanswered(RECIPIENT, "Who receives the disclosure?", "WA-DEF-VD");
                    markPending(a, technology);
                } else if (REMEDIATORS_VD.contains(d.recipient())) {
                    a.matches.removeAll(technology);
                    a.exclude(
                            "Giving the technology to " + recipientText(d.recipient()) + " so that the vulnerability"
                                    + " gets fixed is vulnerability disclosure, which 4E001.a and 4E001.c do not catch. The"
                                    + " authority keeps the right to check that the transfer really is that.",
                            "WA-4E001-N1",
                            "WA-DEF-VD",
                            "WA-4E001-N2");
                } else {
                    a.step(
                            "It is called disclosure, but " + recipientText(d.recipient()) + " is not responsible for"
                                    + " fixing the vulnerability or coordinating the fix, so it is not vulnerability"
                                    + " disclosure and the note to 4E001 does not apply.",
                            "WA-DEF-VD",
                            "WA-4E001-N1");
                }
            }
            case INCIDENT_RESPONSE -> {
                if (d.recipient() == null) {
                    a.unanswered(RECIPIENT, "Who receives the incident information?", "WA-DEF-CIR");
                    markPending(a, technology);
                } else if (REMEDIATORS_CIR.contains(d.recipient())) {
                    a.matches.removeAll(technology);
                    a.exclude(
                            "Giving the technology to " + recipientText(d.recipient()) + " to remediate an incident"
                                    + " is cyber incident response, which 4E001.a and 4E001.c do not catch. The authority"
                                    + " keeps the right to check that the transfer really is that.",
                            "WA-4E001-N1",
                            "WA-DEF-CIR",
                            "WA-4E001-N2");
                } else {
                    a.step(
                            "It is called incident response, but " + recipientText(d.recipient()) + " is not"
                                    + " responsible for remediating the incident, so the note to 4E001 does not apply.",
                            "WA-DEF-CIR",
                            "WA-4E001-N1");
                }
            }
            case PUBLICATION ->
                a.step(
                        "Publication is neither vulnerability disclosure nor cyber incident response;"
                                + " whether the material is in the public domain is assessed separately.",
                        "WA-4E001-N1",
                        "WA-GTN-GSN");
            case SALE_OR_LICENCE, INTERNAL ->
                a.step(
                        "A commercial or intra-group transfer is neither vulnerability"
                                + " disclosure nor cyber incident response, so the note to 4E001 does not apply.",
                        "WA-4E001-N1");
        }
    }

    /**
     * Applies both notes. Published status goes first because it is decisive for software and
     * technology alike; "not sure" about it is only asked about when nothing else took the items out.
     */
    static void apply(CapabilityDescription d, Assessment a) {
        boolean before = a.hasMatches();
        Tri published = d.published();
        if (published.isYes() && a.matches.removeIf(DecontrolNotes::softwareOrTechnology)) {
            a.exclude(
                    "The software or technology is published: anyone can get it without restriction on further"
                            + " sharing. The General Software and Technology Notes take public-domain items out of control;"
                            + " in the US, published items are not subject to the EAR (15 CFR 734.7).",
                    "WA-GTN-GSN");
        }
        vulnerabilityDisclosure(d, a);
        setAsideIntrusionQuestions(a, removedAll(a, before));
        List<Assessment.Match> remaining =
                a.matches.stream().filter(DecontrolNotes::softwareOrTechnology).toList();
        if (remaining.isEmpty()) {
            return;
        }
        if (published.isNo()) {
            a.step("It is not published, so the public-domain notes do not apply.", "WA-GTN-GSN");
        } else if (!published.isKnown()) {
            a.unanswered(PUBLISHED, "Is the software or technology published without restriction?", "WA-GTN-GSN");
            markPending(a, remaining);
        }
    }

    private static boolean removedAll(Assessment a, boolean hadMatches) {
        return hadMatches && !a.hasMatches() && !a.exclusions.isEmpty();
    }

    /**
     * The intrusion-software and platform-function questions only decide whether an entry catches the item. When every entry
     * found (firm or candidate) was taken out by a note, no answer to them can change the result, so
     * "not sure" on them is ignored, as the decision procedure says (WA-4E001-N1, WA-GTN-GSN).
     */
    private static void setAsideIntrusionQuestions(Assessment a, boolean allRemoved) {
        if (!allRemoved) {
            return;
        }
        boolean removed = a.open.removeIf(
                q -> q.kind() == OpenQuestion.Kind.UNANSWERED && INTRUSION_DEFINITION.contains(q.questionId()));
        if (removed) {
            a.step(
                    "Whether it is intrusion software is left open, but the note that takes it out applies"
                            + " either way, so those answers are not needed.",
                    "WA-DEF-IS",
                    "WA-4E001-N1",
                    "WA-GTN-GSN");
        }
    }

    private static boolean softwareOrTechnology(Assessment.Match match) {
        return match.form() == ItemForm.SOFTWARE || match.form() == ItemForm.TECHNOLOGY;
    }

    /** True when the transfer is vulnerability disclosure or cyber incident response to a remediator. */
    static boolean disclosureOrIncidentResponse(CapabilityDescription d) {
        if (d.transferPurpose() == null || d.recipient() == null) {
            return false;
        }
        return switch (d.transferPurpose()) {
            case VULNERABILITY_DISCLOSURE -> REMEDIATORS_VD.contains(d.recipient());
            case INCIDENT_RESPONSE -> REMEDIATORS_CIR.contains(d.recipient());
            default -> false;
        };
    }

    private static void markPending(Assessment a, List<Assessment.Match> matches) {
        for (Assessment.Match match : matches) {
            int index = a.matches.indexOf(match);
            if (index >= 0) {
                a.matches.set(index, match.asPending());
            }
        }
    }

    private static String recipientText(Recipient recipient) {
        return switch (recipient) {
            case AFFECTED_VENDOR -> "the affected vendor's security team";
            case COORDINATOR -> "a CERT or coordinator";
            case INCIDENT_VICTIM -> "the organisation hit by the incident";
            case GOVERNMENT_CUSTOMER -> "a government customer";
            case COMMERCIAL_CUSTOMER -> "a commercial customer";
            case BROKER -> "an exploit broker";
        };
    }
}
