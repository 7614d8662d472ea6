package org.pallas.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.DeliveryVector;
import org.pallas.classification.capability.InvalidDescriptionException;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.PayloadEffect;
import org.pallas.classification.capability.PlatformFunction;
import org.pallas.classification.capability.Safeguard;
import org.pallas.classification.capability.Tri;
import org.pallas.classification.reference.ReferenceData;
import org.pallas.classification.reference.Regime;

class ClassificationEngineTest {

    private static final ReferenceData DATA = ReferenceData.bundled();
    private final ClassificationEngine engine = new ClassificationEngine(DATA);

    private static CapabilityDescription.Builder spywarePlatform() {
        return CapabilityDescription.builder()
                .itemKind(ItemKind.INTRUSION_PLATFORM)
                .itemForms(ItemForm.SOFTWARE)
                .developmentTooling(Tri.NO)
                .platformFunctions(PlatformFunction.COMMAND_AND_CONTROL)
                .evadesMonitoring(Tri.YES)
                .defeatsCountermeasures(Tri.YES)
                .payloadEffects(PayloadEffect.EXTRACTS_DATA)
                .published(Tri.NO)
                .encryptionCat5p2(Tri.NO)
                .deliveryVectors(DeliveryVector.ZERO_CLICK);
    }

    @Test
    void recordsTheReferenceDataVersionAndHashItUsed() {
        Classification result = engine.classify(spywarePlatform().build());
        assertThat(result.referenceDataVersion()).isEqualTo(DATA.version());
        assertThat(result.referenceDataSha256()).isEqualTo(DATA.sha256()).hasSize(64);
        assertThat(result.description()).isEqualTo(spywarePlatform().build());
    }

    @Test
    void anEmptyDescriptionAsksWhatTheProductIsAndRatesItHighest() {
        Classification result = engine.classify(CapabilityDescription.builder().build());
        for (Regime regime : Regime.values()) {
            assertThat(result.regime(regime).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(result.regime(regime).openQuestions())
                    .extracting(OpenQuestion::questionId)
                    .containsExactly("item_kind");
        }
        assertThat(result.euArticle5().state()).isEqualTo(CatchAllAssessment.State.UNDETERMINED);
        assertThat(result.usAce().state()).isEqualTo(AceAssessment.State.UNDETERMINED);
        assertThat(result.risk().tier()).isEqualTo(4);
    }

    @Test
    void rejectsAContradictoryDescription() {
        var contradictory = spywarePlatform()
                .safeguards(Safeguard.NONE, Safeguard.KILL_SWITCH)
                .build();
        assertThatThrownBy(() -> engine.classify(contradictory))
                .isInstanceOf(InvalidDescriptionException.class)
                .hasMessageContaining("safeguards: 'none' cannot be combined");
    }

    @Test
    void citationsAndReasonsForControlDifferPerRegime() {
        Classification result = engine.classify(spywarePlatform().build());
        EntryMatch eu = result.regime(Regime.EU).entries().get(0);
        EntryMatch us = result.regime(Regime.US).entries().get(0);
        assertThat(eu.citation()).isEqualTo("Reg. (EU) 2021/821 Annex I 4D004");
        assertThat(eu.usReasons()).isEmpty();
        assertThat(us.citation()).isEqualTo("ECCN 4D004");
        assertThat(us.usReasons()).containsExactly("NS1", "AT");
        assertThat(result.regime(Regime.EU).citedRules()).contains("EU-ART3", "WA-EU-MAP");
        assertThat(result.regime(Regime.UK).citedRules()).contains("WA-UK-MAP");
        assertThat(result.regime(Regime.US).citedRules()).contains("US-CCL-4D004");
    }

    @Test
    void anExploitIsNeverClassifiedAs4D004BecauseItIsIntrusionSoftware() {
        var exploit = CapabilityDescription.builder()
                .itemKind(ItemKind.EXPLOIT)
                .itemForms(ItemForm.SOFTWARE)
                .platformFunctions(PlatformFunction.NONE)
                .evadesMonitoring(Tri.YES)
                .defeatsCountermeasures(Tri.YES)
                .payloadEffects(PayloadEffect.EXTRACTS_DATA, PayloadEffect.ALTERS_EXECUTION)
                .published(Tri.NO)
                .build();
        RegimeClassification wa = engine.classify(exploit).regime(Regime.WA);
        assertThat(wa.outcome()).isEqualTo(Outcome.NOT_CONTROLLED);
        assertThat(wa.explanation()).anyMatch(s -> s.text().startsWith("The exploit is intrusion software"));
        assertThat(wa.explanation())
                .anyMatch(s -> s.rules().contains("WA-IS-NOTCTRL")
                        && s.text().contains("not 4D004 just because it is intrusion software"));
    }

    @Test
    void marksStepsThatRestOnUnverifiedRules() {
        var toCert = CapabilityDescription.builder()
                .itemKind(ItemKind.VULNERABILITY_RESEARCH)
                .itemForms(ItemForm.TECHNOLOGY)
                .exploitationTechnique(Tri.YES)
                .evadesMonitoring(Tri.YES)
                .payloadEffects(PayloadEffect.EXTRACTS_DATA)
                .transferPurpose(org.pallas.classification.capability.TransferPurpose.INCIDENT_RESPONSE)
                .recipient(org.pallas.classification.capability.Recipient.COORDINATOR)
                .published(Tri.NO)
                .build();
        var steps = engine.classify(toCert).regime(Regime.WA).explanation();
        assertThat(steps)
                .filteredOn(s -> s.rules().contains("WA-DEF-CIR"))
                .isNotEmpty()
                .allMatch(ExplanationStep::unverified);
        assertThat(steps)
                .filteredOn(s -> s.rules().equals(java.util.List.of("WA-4E001C")))
                .isNotEmpty()
                .noneMatch(ExplanationStep::unverified);
    }

    @Test
    void publishedStatusUnknownKeepsAnOtherwiseControlledPlatformUnderReview() {
        Classification result =
                engine.classify(spywarePlatform().published(Tri.UNKNOWN).build());
        RegimeClassification wa = result.regime(Regime.WA);
        assertThat(wa.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(wa.candidates()).extracting(EntryMatch::code).containsExactly("4D004");
        assertThat(wa.openQuestions()).extracting(OpenQuestion::questionId).containsExactly("published");
    }

    private static CapabilityDescription.Builder exploitTechnologyUnsureOfTheDefinition() {
        return CapabilityDescription.builder()
                .itemKind(ItemKind.EXPLOIT)
                .itemForms(ItemForm.TECHNOLOGY)
                .evadesMonitoring(Tri.UNKNOWN)
                .defeatsCountermeasures(Tri.UNKNOWN);
    }

    private static void assertNoLicenceRequired(Classification result, String citation) {
        for (Regime regime : Regime.values()) {
            RegimeClassification r = result.regime(regime);
            assertThat(r.outcome()).as(regime.name()).isEqualTo(Outcome.NOT_CONTROLLED);
            assertThat(r.openQuestions()).as(regime.name()).isEmpty();
            assertThat(r.reasonRules()).as(regime.name()).contains(citation);
        }
    }

    @Test
    void vulnerabilityDisclosureToTheVendorNeedsNoLicenceEvenWhenUnsureWhetherItIsIntrusionSoftware() {
        var unsure = exploitTechnologyUnsureOfTheDefinition()
                .transferPurpose(org.pallas.classification.capability.TransferPurpose.VULNERABILITY_DISCLOSURE)
                .recipient(org.pallas.classification.capability.Recipient.AFFECTED_VENDOR)
                .published(Tri.NO);
        assertNoLicenceRequired(engine.classify(unsure.build()), "WA-4E001-N1");
        // the definite answer gives the same result, so "not sure" changes nothing
        assertNoLicenceRequired(
                engine.classify(unsure.evadesMonitoring(Tri.YES)
                        .defeatsCountermeasures(Tri.YES)
                        .payloadEffects(PayloadEffect.EXTRACTS_DATA)
                        .build()),
                "WA-4E001-N1");
    }

    @Test
    void incidentResponseSharingWithACoordinatorNeedsNoLicenceEvenWhenUnsureWhetherItIsIntrusionSoftware() {
        var unsure = exploitTechnologyUnsureOfTheDefinition()
                .transferPurpose(org.pallas.classification.capability.TransferPurpose.INCIDENT_RESPONSE)
                .recipient(org.pallas.classification.capability.Recipient.COORDINATOR)
                .published(Tri.NO);
        assertNoLicenceRequired(engine.classify(unsure.build()), "WA-4E001-N1");
    }

    @Test
    void anAlreadyPublishedExploitDescriptionNeedsNoLicenceEvenWhenUnsureWhetherItIsIntrusionSoftware() {
        var unsure = exploitTechnologyUnsureOfTheDefinition()
                .transferPurpose(org.pallas.classification.capability.TransferPurpose.PUBLICATION)
                .published(Tri.YES);
        assertNoLicenceRequired(engine.classify(unsure.build()), "WA-GTN-GSN");
    }

    @Test
    void unsureWhetherItIsIntrusionSoftwareStillNeedsReviewWhenSoldToACustomer() {
        var sold = exploitTechnologyUnsureOfTheDefinition()
                .transferPurpose(org.pallas.classification.capability.TransferPurpose.SALE_OR_LICENCE)
                .published(Tri.NO)
                .build();
        RegimeClassification r = engine.classify(sold).regime(Regime.EU);
        assertThat(r.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(r.openQuestions()).extracting(OpenQuestion::questionId).contains("evades_monitoring");
    }
}
