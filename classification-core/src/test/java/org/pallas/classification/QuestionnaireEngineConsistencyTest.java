package org.pallas.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.questionnaire.Answers;
import org.pallas.classification.questionnaire.Question;
import org.pallas.classification.questionnaire.Questionnaire;
import org.pallas.classification.reference.ReferenceData;
import org.pallas.classification.reference.Regime;

/**
 * Properties that tie the questionnaire to the engine, checked over thousands of seeded random
 * walks: the form never offers a question that does not apply, the engine never waits for a
 * question the form would not show, and definite complete answers never leave a regime at
 * NEEDS_REVIEW for want of an answer.
 */
class QuestionnaireEngineConsistencyTest {

    private static final int WALKS = 500;
    private static final ReferenceData DATA = ReferenceData.bundled();
    private static final ClassificationEngine ENGINE = new ClassificationEngine(DATA);
    private static final Questionnaire QUESTIONNAIRE = Questionnaire.standard();

    @Test
    void everyWalkAnswersOnlyApplicableQuestionsAndEndsComplete() {
        for (long seed = 0; seed < WALKS; seed++) {
            Answers answers = new RandomAnswers(QUESTIONNAIRE, seed, true).complete();
            assertThat(QUESTIONNAIRE.validate(answers))
                    .as("seed " + seed + " " + answers)
                    .isEmpty();
            assertThat(QUESTIONNAIRE.isComplete(answers)).as("seed " + seed).isTrue();
            assertThat(QUESTIONNAIRE.prune(answers)).as("seed " + seed).isEqualTo(answers);
        }
    }

    @Test
    void definiteCompleteAnswersNeverLeaveAQuestionOpen() {
        for (long seed = 0; seed < WALKS; seed++) {
            Answers answers = new RandomAnswers(QUESTIONNAIRE, seed, false).complete();
            Classification result = ENGINE.classify(QUESTIONNAIRE.describe(answers));
            assertThat(result.openQuestions().stream()
                            .filter(q -> q.kind() == OpenQuestion.Kind.UNANSWERED)
                            .toList())
                    .as("seed " + seed + " " + answers)
                    .isEmpty();
            for (Regime regime : Regime.values()) {
                RegimeClassification r = result.regime(regime);
                if (r.outcome() == Outcome.NEEDS_REVIEW) {
                    assertThat(r.openQuestions())
                            .as("seed " + seed)
                            .isNotEmpty()
                            .allMatch(q -> q.kind() != OpenQuestion.Kind.UNANSWERED);
                }
            }
            assertThat(result.euArticle5().state())
                    .as("seed " + seed)
                    .isNotEqualTo(
                            result.regime(Regime.EU).outcome() == Outcome.NEEDS_REVIEW
                                    ? null
                                    : CatchAllAssessment.State.UNDETERMINED);
        }
    }

    @Test
    void theEngineOnlyWaitsForQuestionsTheFormShows() {
        for (long seed = 0; seed < WALKS; seed++) {
            Answers answers = new RandomAnswers(QUESTIONNAIRE, seed, true).partial();
            Set<String> applicable = QUESTIONNAIRE.applicable(answers).stream()
                    .map(Question::id)
                    .collect(java.util.stream.Collectors.toSet());
            Classification result = ENGINE.classify(QUESTIONNAIRE.describe(answers));
            for (OpenQuestion open : result.openQuestions()) {
                if (open.questionId() != null) {
                    assertThat(applicable)
                            .as("seed " + seed + " " + answers + " open " + open)
                            .contains(open.questionId());
                }
            }
        }
    }

    @Test
    void outcomesAreConsistentWithEntriesAndReasonsForAnyAnswers() {
        for (long seed = 0; seed < WALKS; seed++) {
            Answers answers = new RandomAnswers(QUESTIONNAIRE, seed, true).partial();
            Classification result = ENGINE.classify(QUESTIONNAIRE.describe(answers));
            for (RegimeClassification r : result.regimes().values()) {
                switch (r.outcome()) {
                    case CONTROLLED ->
                        assertThat(r.entries()).as("seed " + seed).isNotEmpty();
                    case NOT_CONTROLLED -> {
                        assertThat(r.entries()).isEmpty();
                        assertThat(r.candidates()).isEmpty();
                        assertThat(r.openQuestions()).isEmpty();
                        assertThat(r.reason()).as("seed " + seed).isNotBlank();
                    }
                    case NEEDS_REVIEW -> {
                        assertThat(r.entries()).isEmpty();
                        assertThat(r.openQuestions()).as("seed " + seed).isNotEmpty();
                    }
                }
                assertThat(r.explanation())
                        .allMatch(
                                s -> !s.rules().isEmpty() && s.rules().stream().allMatch(DATA::knowsRule));
                assertThat(r.explanation().stream().map(ExplanationStep::number).toList())
                        .isEqualTo(Stream.iterate(1, i -> i + 1)
                                .limit(r.explanation().size())
                                .toList());
            }
            assertThat(result.risk().tier()).isBetween(1, 4);
            assertThat(result.risk().reasons()).anyMatch(reason -> reason.effect() == RiskAssessment.Effect.BASE);
            // The four regimes share the Wassenaar text: they never disagree on the outcome or entries.
            assertThat(result.regimes().values().stream()
                            .map(RegimeClassification::outcome)
                            .distinct())
                    .hasSize(1);
            assertThat(result.regimes().values().stream()
                            .map(RegimeClassification::entryCodes)
                            .distinct())
                    .hasSize(1);
        }
    }

    @Test
    void classificationIsDeterministicAndSurvivesTheJsonRoundTrip() {
        // A second engine over a freshly loaded copy of the data: no state is shared with ENGINE.
        var other = new ClassificationEngine(ReferenceData.bundled());
        for (long seed = 0; seed < WALKS / 3; seed++) {
            Answers answers = new RandomAnswers(QUESTIONNAIRE, seed, true).complete();
            CapabilityDescription description = QUESTIONNAIRE.describe(answers);
            Classification first = ENGINE.classify(description);
            Classification again = other.classify(CapabilityDescription.fromAnswers(description.toAnswers()));
            assertThat(again).as("seed " + seed).isEqualTo(first);
        }
    }

    @Test
    void walksReachEveryKindOfProduct() {
        var kinds = EnumSet.noneOf(org.pallas.classification.capability.ItemKind.class);
        var outcomes = EnumSet.noneOf(Outcome.class);
        for (long seed = 0; seed < WALKS; seed++) {
            CapabilityDescription d = QUESTIONNAIRE.describe(new RandomAnswers(QUESTIONNAIRE, seed, false).complete());
            kinds.add(d.itemKind());
            outcomes.add(ENGINE.classify(d).regime(Regime.WA).outcome());
        }
        assertThat(kinds).isEqualTo(EnumSet.allOf(org.pallas.classification.capability.ItemKind.class));
        assertThat(outcomes).containsAll(List.of(Outcome.values()));
    }
}
