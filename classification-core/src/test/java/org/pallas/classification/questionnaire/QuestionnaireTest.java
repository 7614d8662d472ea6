package org.pallas.classification.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.classification.capability.Field.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pallas.classification.capability.ExcludedCategory;
import org.pallas.classification.capability.FieldError;
import org.pallas.classification.capability.InterceptionFunction;
import org.pallas.classification.capability.InvalidDescriptionException;
import org.pallas.classification.capability.ItemForm;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.PlatformFunction;
import org.pallas.classification.capability.Tri;

class QuestionnaireTest {

    private final Questionnaire questionnaire = Questionnaire.standard();

    private List<String> next(Answers answers) {
        return questionnaire.nextQuestions(answers).stream().map(Question::id).toList();
    }

    @Test
    void startsWithOnlyWhatTheProductIsAndHowItIsSupplied() {
        assertThat(next(Answers.none())).containsExactly("item_kind", "item_forms");
    }

    @Test
    void imsiCatcherIsAskedAboutRadioFunctionsNeverAboutExploits() {
        var answers =
                Answers.none().with(ITEM_KIND, ItemKind.MOBILE_INTERCEPTION).with(ITEM_FORMS, ItemForm.HARDWARE);
        List<String> asked = next(answers);
        assertThat(asked).contains("interception_functions", "development_tooling", "covert");
        assertThat(asked)
                .doesNotContain(
                        "evades_monitoring",
                        "platform_functions",
                        "carrier_class",
                        "published",
                        "transfer_purpose",
                        "delivery_vectors");
        // The exclusion question appears only once f.1 or f.2 is claimed.
        assertThat(asked).doesNotContain("interception_exclusion");
        assertThat(next(answers.with(INTERCEPTION_FUNCTIONS, InterceptionFunction.SUBSCRIBER_IDENTIFIERS)))
                .contains("interception_exclusion");
        assertThat(next(answers.with(INTERCEPTION_FUNCTIONS, InterceptionFunction.DETECTION)))
                .doesNotContain("interception_exclusion");
    }

    @Test
    void debuggerNeedsNoFurtherQuestionsOnceItsCategoryIsKnown() {
        var answers = Answers.none()
                .with(ITEM_KIND, ItemKind.OTHER)
                .with(ITEM_FORMS, ItemForm.SOFTWARE)
                .with(EXCLUDED_CATEGORY, ExcludedCategory.DEBUGGER);
        assertThat(questionnaire.isComplete(answers)).isTrue();
        assertThat(next(answers)).isEmpty();
    }

    @Test
    void exploitWithoutPlatformPartsIsNotAskedAboutEncryptionButAPlatformIs() {
        var exploit = Answers.none().with(ITEM_KIND, ItemKind.EXPLOIT).with(ITEM_FORMS, ItemForm.SOFTWARE);
        assertThat(next(exploit.with(PLATFORM_FUNCTIONS, PlatformFunction.NONE)))
                .doesNotContain("encryption_cat5p2");
        assertThat(next(exploit.with(PLATFORM_FUNCTIONS, PlatformFunction.DELIVER)))
                .contains("encryption_cat5p2");
    }

    @Test
    void payloadEffectsAreNotAskedOnceNeitherEvasionNorDefeatIsClaimed() {
        var answers = Answers.none().with(ITEM_KIND, ItemKind.IMPLANT).with(ITEM_FORMS, ItemForm.SOFTWARE);
        assertThat(next(answers)).contains("payload_effects");
        assertThat(next(answers.with(EVADES_MONITORING, Tri.NO).with(DEFEATS_COUNTERMEASURES, Tri.NO)))
                .doesNotContain("payload_effects");
        assertThat(next(answers.with(EVADES_MONITORING, Tri.NO).with(DEFEATS_COUNTERMEASURES, Tri.YES)))
                .contains("payload_effects");
    }

    @Test
    void disclosureRecipientIsAskedOnlyForDisclosureOrIncidentResponse() {
        var answers =
                Answers.none().with(ITEM_KIND, ItemKind.VULNERABILITY_RESEARCH).with(ITEM_FORMS, ItemForm.TECHNOLOGY);
        assertThat(next(answers.with(
                        TRANSFER_PURPOSE, org.pallas.classification.capability.TransferPurpose.SALE_OR_LICENCE)))
                .doesNotContain("recipient");
        assertThat(next(answers.with(
                        TRANSFER_PURPOSE,
                        org.pallas.classification.capability.TransferPurpose.VULNERABILITY_DISCLOSURE)))
                .contains("recipient");
    }

    @Test
    void anAnswerLeftBehindByAChangedEarlierAnswerIsReportedAndPrunedNotSilentlyUsed() {
        var answers = Answers.none()
                .with(ITEM_KIND, ItemKind.SOFTWARE_UPDATE_SYSTEM)
                .with(ITEM_FORMS, ItemForm.SOFTWARE)
                .with(SOFTWARE_UPDATE_ONLY, Tri.NO)
                .with(EVADES_MONITORING, Tri.YES);
        assertThat(questionnaire.validate(answers)).isEmpty();
        var changed = answers.with(SOFTWARE_UPDATE_ONLY, Tri.YES);
        assertThat(questionnaire.inapplicable(changed))
                .extracting(FieldError::field)
                .containsExactly("evades_monitoring");
        assertThat(questionnaire.inapplicable(changed).get(0).message())
                .startsWith("does not apply: asked only when")
                .contains("software_update_only is no");
        assertThatThrownBy(() -> questionnaire.describe(changed))
                .isInstanceOf(InvalidDescriptionException.class)
                .hasMessageContaining("evades_monitoring: does not apply");
        assertThat(questionnaire.prune(changed).asMap())
                .doesNotContainKey("evades_monitoring")
                .containsKeys("item_kind", "item_forms", "software_update_only");
    }

    @Test
    void reportsEveryMalformedAnswerWithItsField() {
        var answers = Answers.of(Map.of(
                "item_kind", List.of("exploit", "implant"),
                "item_forms", List.of("software", "firmware"),
                "colour", List.of("red"),
                "safeguards", List.of("none", "kill_switch")));
        var errors = questionnaire.validate(answers);
        assertThat(errors).extracting(FieldError::field).contains("item_kind", "item_forms", "colour", "safeguards");
        assertThat(errors)
                .anyMatch(e -> e.field().equals("item_kind") && e.message().startsWith("takes one answer"));
        assertThat(errors)
                .anyMatch(e -> e.field().equals("item_forms")
                        && e.message().startsWith("unknown option 'firmware'; expected one of [hardware, software"));
        assertThat(errors)
                .anyMatch(e -> e.field().equals("colour") && e.message().equals("unknown question id"));
        assertThat(errors)
                .anyMatch(e -> e.field().equals("safeguards")
                        && e.message().equals("'none' cannot be combined with other options"));
    }

    @Test
    void rejectsAQuestionnaireWhoseConditionLooksAhead() {
        var questions = new java.util.ArrayList<>(questionnaire.questions());
        var first = questions.get(0);
        questions.set(
                0,
                new Question(
                        first.field(), first.text(), first.help(), Condition.is(PUBLISHED, Tri.YES), first.rules()));
        assertThatThrownBy(() -> new Questionnaire(questions))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("question item_kind depends on published, which is not asked before it");
    }

    @Test
    void rejectsAQuestionnaireThatMissesAField() {
        var questions =
                questionnaire.questions().subList(0, questionnaire.questions().size() - 1);
        assertThatThrownBy(() -> new Questionnaire(questions))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no question for [SURVEILLANCE_DESIGN]");
    }

    @Test
    void everyQuestionHasHelpTextAndRuleIdsAndAJsonModel() {
        for (Question question : questionnaire.questions()) {
            assertThat(question.text()).as(question.id()).endsWith("?");
            assertThat(question.help()).as(question.id()).isNotBlank();
            assertThat(question.rules()).as(question.id()).isNotEmpty();
            Map<String, Object> json = question.toJsonModel();
            assertThat(json).containsEntry("id", question.id()).containsKeys("text", "help", "options", "applies_when");
            assertThat((List<?>) json.get("options")).hasSize(question.options().size());
        }
        assertThat(questionnaire.question(RECIPIENT).toJsonModel().get("applies_when"))
                .isEqualTo("transfer_purpose includes one of incident_response, vulnerability_disclosure");
    }
}
