package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.policy.Fixtures.application;

import org.junit.jupiter.api.Test;

/** Proportionate burden: the questions asked depend on the preliminary risk. */
class DueDiligenceQuestionnaireTests {

    private final DueDiligenceQuestionnaire questionnaire = new DueDiligenceQuestionnaire(Fixtures.ENGINE);

    @Test
    void lowRiskTransferIsAskedOnlyTheBasicQuestions() {
        DueDiligenceQuestionnaire.Plan plan = questionnaire.plan(
                application().party(Fixtures.bank("Commerzbank Red Team", "DE")).build());
        assertThat(plan.preliminaryRoute()).isEqualTo(Route.FAST_TRACK);
        assertThat(plan.level()).isEqualTo(DueDiligenceQuestion.Level.BASIC);
        assertThat(plan.questions())
                .containsExactly(
                        DueDiligenceQuestion.END_USE_INFORMATION_REFUSED,
                        DueDiligenceQuestion.UNUSUAL_INTERMEDIARY_OR_PAYMENT);
    }

    @Test
    void highRiskTransferIsAskedTheFullSet() {
        DueDiligenceQuestionnaire.Plan plan = questionnaire.plan(application()
                .product(Fixtures.exploitChain())
                .endUse(EndUse.Category.INTELLIGENCE, "Counter-terrorism")
                .party(Fixtures.endUser(
                        "Presidential Guard Intelligence", "AE", Party.EndUserType.SECURITY_INTELLIGENCE, null))
                .build());
        assertThat(plan.level()).isEqualTo(DueDiligenceQuestion.Level.FULL);
        assertThat(plan.questions()).containsExactly(DueDiligenceQuestion.values());
    }

    @Test
    void standardRiskTransferIsAskedTheStandardSet() {
        DueDiligenceQuestionnaire.Plan plan = questionnaire.plan(
                application().party(Fixtures.bank("TBC Bank Security", "GE")).build());
        assertThat(plan.preliminaryRoute()).isEqualTo(Route.STANDARD);
        assertThat(plan.questions()).hasSize(4).allMatch(q -> q.level() != DueDiligenceQuestion.Level.FULL);
    }

    @Test
    void answersAlreadyGivenDoNotChangeWhichQuestionsAreAsked() {
        Fixtures.Builder bank = application().party(Fixtures.bank("Commerzbank Red Team", "DE"));
        DueDiligenceQuestionnaire.Plan before = questionnaire.plan(bank.build());
        DueDiligenceQuestionnaire.Plan after =
                questionnaire.plan(bank.answer(DueDiligenceQuestion.SECRECY_REQUESTED, Application.Answer.YES)
                        .build());
        assertThat(after.questions()).isEqualTo(before.questions());
    }

    @Test
    void hardStopAsksNothing() {
        DueDiligenceQuestionnaire.Plan plan = questionnaire.plan(
                application().party(Fixtures.bank("Banco Metropolitano", "CU")).build());
        assertThat(plan.preliminaryRoute()).isEqualTo(Route.HARD_STOP);
        assertThat(plan.level()).isNull();
        assertThat(plan.questions()).isEmpty();
    }

    @Test
    void everyQuestionFeedsARulebookFactAndCitesRegulation() {
        RegulationIndex index = RegulationIndex.shipped();
        for (DueDiligenceQuestion q : DueDiligenceQuestion.values()) {
            assertThat(FactCatalogue.available(FactCatalogue.Scope.APPLICATION)).containsKey(q.fact());
            assertThat(q.cites())
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(index.find(id)).as(id).isPresent());
        }
    }
}
