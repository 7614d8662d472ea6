package org.pallas.classification;

import static org.pallas.classification.capability.Field.ENCRYPTION_CAT5P2;

import java.util.ArrayList;
import java.util.List;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.reference.AceApplicability;
import org.pallas.classification.reference.ReferenceData;
import org.pallas.classification.reference.UsControl;

/** US License Exception ACE scope for the item (US-ACE-ITEMS, US-ACE-NOT-CAT5P2, US-740.2-SL). */
final class AceRules {

    private AceRules() {}

    static AceAssessment assess(
            CapabilityDescription d,
            RegimeClassification us,
            List<Assessment.Match> matches,
            boolean disclosureNoteApplied,
            ReferenceData data,
            StepNumbering steps) {
        var open = new ArrayList<OpenQuestion>();
        var eligible = new ArrayList<String>();
        var ineligible = new ArrayList<String>();
        if (us.outcome() == Outcome.NEEDS_REVIEW) {
            steps.add("Whether ACE is in scope depends on the open classification questions.", "US-ACE-ITEMS");
            return new AceAssessment(AceAssessment.State.UNDETERMINED, eligible, ineligible, open, steps.done());
        }
        if (us.outcome() == Outcome.NOT_CONTROLLED) {
            steps.add(
                    "The item is not controlled under the cybersecurity entries, so no licence or ACE is needed for"
                            + " them.",
                    "US-ACE-ITEMS");
            if (disclosureNoteApplied) {
                steps.add(
                        "Technology exchanged for vulnerability disclosure or cyber incident response is outside"
                                + " 4E001.a and 4E001.c; ACE also broadly authorises such exchanges.",
                        "US-ACE-6");
            }
            return new AceAssessment(AceAssessment.State.NOT_IN_SCOPE, eligible, ineligible, open, steps.done());
        }
        boolean cat5Asked = false;
        for (Assessment.Match match : matches) {
            if (match.pending()) {
                continue;
            }
            String label = match.label();
            UsControl control = data.entry(match.code()).us().orElseThrow();
            boolean surreptitious = match.subparagraphs().contains("f.1");
            if (surreptitious) {
                ineligible.add(label);
                steps.add(
                        label + " is primarily useful for surreptitious interception (SL): no licence exception"
                                + " applies except GOV for US Government use, so not ACE.",
                        "US-CCL-5A001F1-SL",
                        "US-740.2-SL");
            } else if (control.ace() == AceApplicability.NO
                    || (control.ace() == AceApplicability.ONLY_FOR_5A001J && !"5A001.j".equals(match.relatedTo()))) {
                ineligible.add(label);
                steps.add(label + " is not among the cybersecurity items that ACE covers.", "US-ACE-ITEMS");
            } else if (match.form() != ItemForm.TECHNOLOGY
                    && d.encryptionCat5p2().isYes()) {
                ineligible.add(label);
                steps.add(
                        label + " is also controlled under Category 5 Part 2, which ACE does not cover (use ENC"
                                + " instead).",
                        "US-ACE-NOT-CAT5P2");
            } else if (match.form() != ItemForm.TECHNOLOGY
                    && !d.encryptionCat5p2().isKnown()) {
                cat5Asked = true;
            } else {
                eligible.add(label);
                steps.add(label + " is a cybersecurity item within ACE.", "US-ACE-ITEMS", "US-ACE-SCOPE");
            }
        }
        if (cat5Asked) {
            open.add(new OpenQuestion(
                    OpenQuestion.Kind.UNANSWERED,
                    ENCRYPTION_CAT5P2.id(),
                    "Is the product also classified under Category 5 Part 2?",
                    List.of("US-ACE-NOT-CAT5P2")));
            steps.add(
                    "ACE does not cover items also controlled under Category 5 Part 2; that is not yet known.",
                    "US-ACE-NOT-CAT5P2");
            return new AceAssessment(AceAssessment.State.UNDETERMINED, eligible, ineligible, open, steps.done());
        }
        AceAssessment.State state = eligible.isEmpty()
                ? AceAssessment.State.NOT_IN_SCOPE
                : ineligible.isEmpty() ? AceAssessment.State.IN_SCOPE : AceAssessment.State.PARTLY_IN_SCOPE;
        if (!eligible.isEmpty()) {
            steps.add(
                    "In scope is not the same as usable: ACE is barred for destinations in Country Groups E:1/E:2,"
                            + " for government end users in D:1 to D:5 apart from narrow digital-artifact cases, for certain"
                            + " non-government end users in D:1/D:5, and where the exporter knows or has reason to know the item"
                            + " will be used without authorisation against information systems. Check these per transaction.",
                    "US-ACE-1",
                    "US-ACE-2",
                    "US-ACE-3",
                    "US-ACE-4");
        }
        return new AceAssessment(state, eligible, ineligible, open, steps.done());
    }
}
