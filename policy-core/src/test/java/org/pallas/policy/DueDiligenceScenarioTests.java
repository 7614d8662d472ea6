package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.policy.Fixtures.application;
import static org.pallas.policy.Fixtures.bank;
import static org.pallas.policy.Fixtures.endUser;

import org.junit.jupiter.api.Test;

/** Answers to the due-diligence red-flag questions (EUREC-RF-*) and the exporter's record. */
class DueDiligenceScenarioTests {

    private static Fixtures.Builder interceptionForBrazilianPolice() {
        return application()
                .product(Fixtures.interceptionPlatform())
                .endUse(EndUse.Category.LAW_ENFORCEMENT, "Lawful interception under warrant")
                .party(endUser("Polícia Federal", "BR", Party.EndUserType.POLICE, true));
    }

    @Test
    void customerRefusingEndUseInformationForHighTierItemIsPresumedDenied() {
        Assessment a = interceptionForBrazilianPolice()
                .answer(DueDiligenceQuestion.END_USE_INFORMATION_REFUSED, Application.Answer.YES)
                .assess();
        assertThat(a.route()).isEqualTo(Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.routeBasis()).contains("PD-END-USE-INFORMATION-WITHHELD (PRESUMPTION_OF_DENIAL)");
        assertThat(a.citedIds()).contains("EUREC-RF-INFO", "UK-C7");
    }

    @Test
    void missingEndUseStatementForLowTierToolIsStandardNotDenied() {
        Assessment a = application()
                .product(Fixtures.scanner())
                .endUse(EndUse.Category.OTHER, null)
                .party(bank("Nordea Security", "FI"))
                .assess();
        assertThat(a.route()).isEqualTo(Route.STANDARD);
        assertThat(a.firedRules())
                .contains("RF-END-USE-INFORMATION-WITHHELD")
                .doesNotContain("PD-END-USE-INFORMATION-WITHHELD");
    }

    @Test
    void massCollectionAndEvasionRequestsAreReferredToHumanRights() {
        Assessment a = interceptionForBrazilianPolice()
                .answer(DueDiligenceQuestion.MASS_COLLECTION, Application.Answer.YES)
                .answer(DueDiligenceQuestion.EVASION_CUSTOMISATION, Application.Answer.YES)
                .assess();
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.consultations()).extracting(Assessment.Consultation::team).contains(AdviserTeam.HUMAN_RIGHTS);
        assertThat(a.contributions())
                .extracting(Assessment.Contribution::ruleId)
                .contains("RF-MASS-COLLECTION", "RF-EVASION-CUSTOMISATION");
        assertThat(a.citedIds()).contains("EUREC-RF-CUST", "PMP-PRE-1");
    }

    @Test
    void likelyTargetingOfJournalistsIsPresumedDenied() {
        Assessment a = interceptionForBrazilianPolice()
                .answer(DueDiligenceQuestion.AT_RISK_TARGETS, Application.Answer.YES)
                .assess();
        assertThat(a.route()).isEqualTo(Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.citedIds()).contains("FOC-AT-RISK", "US-EO-IU-2");
    }

    @Test
    void unusualIntermediaryAndSecrecyRaiseTheScoreToEnhancedReview() {
        Assessment a = application()
                .party(bank("Banco Andino", "PE"))
                .answer(DueDiligenceQuestion.UNUSUAL_INTERMEDIARY_OR_PAYMENT, Application.Answer.YES)
                .answer(DueDiligenceQuestion.SECRECY_REQUESTED, Application.Answer.YES)
                .answer(DueDiligenceQuestion.FEATURES_OR_TRAINING_MISMATCH, Application.Answer.YES)
                .assess();
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.routeBasis()).anyMatch(b -> b.startsWith("score ") && b.endsWith(">= 40"));
        assertThat(a.citedIds()).contains("EUREC-RF-TXN", "EUREC-RF-CUST");
    }

    @Test
    void declinedQuestionsCountAsReluctance() {
        Assessment a = application()
                .party(bank("Banco Andino", "PE"))
                .answer(DueDiligenceQuestion.SECRECY_REQUESTED, Application.Answer.DECLINED)
                .assess();
        assertThat(a.firedRules()).contains("RF-DECLINED-QUESTIONS");
        assertThat(a.route()).isEqualTo(Route.STANDARD);
    }

    @Test
    void exporterWithBreachesAddsRiskAndWithoutRecordGetsNoCredit() {
        Assessment breaches = application()
                .party(bank("Rabobank CSIRT", "NL"))
                .record(new ComplianceRecord(4, 2, false))
                .assess();
        assertThat(breaches.firedRules()).contains("RF-EXPORTER-BREACHES").doesNotContain("PASS-EXPORTER-GOOD-RECORD");
        assertThat(breaches.route()).isEqualTo(Route.STANDARD);
        Assessment unknown =
                application().party(bank("Rabobank CSIRT", "NL")).record(null).assess();
        assertThat(unknown.firedRules()).doesNotContain("PASS-EXPORTER-GOOD-RECORD", "RF-EXPORTER-BREACHES");
    }
}
