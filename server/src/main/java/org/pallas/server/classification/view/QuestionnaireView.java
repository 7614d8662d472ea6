package org.pallas.server.classification.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pallas.classification.Classification;
import org.pallas.classification.capability.Choice;
import org.pallas.classification.capability.FieldError;
import org.pallas.classification.questionnaire.Answers;
import org.pallas.classification.questionnaire.Question;
import org.pallas.classification.questionnaire.Questionnaire;
import org.pallas.server.classification.ClassificationAssessments;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * What the questionnaire form shows: the questions that apply to the answers so far (answered ones
 * with their answers, so they can be changed), notices for answers that no longer apply, field errors,
 * how many questions are left and, for valid answers, the classification. Public for the templates only
 * (this package is internal to the module).
 */
public record QuestionnaireView(
        Answers answers,
        List<Question> applicable,
        List<FieldError> notices,
        Map<String, String> errors,
        int remaining,
        Classification classification) {

    /** The answers of a form post: every parameter named like a question. */
    public static Map<String, List<String>> answersOf(MultiValueMap<String, String> form, Questionnaire questionnaire) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            List<String> values = form.get(q.id());
            if (values != null) {
                answers.put(q.id(), values);
            }
        }
        return answers;
    }

    public static QuestionnaireView of(ClassificationAssessments assessments, Map<String, List<String>> raw) {
        try {
            ClassificationAssessments.Step step = assessments.assess(raw);
            return new QuestionnaireView(
                    step.answers(),
                    step.applicable(),
                    step.notices(),
                    Map.of(),
                    step.next().size(),
                    step.classification());
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fields().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            Answers answers = Answers.of(raw);
            Questionnaire questionnaire = assessments.questionnaire();
            return new QuestionnaireView(
                    answers,
                    questionnaire.applicable(answers),
                    List.of(),
                    errors,
                    questionnaire.nextQuestions(answers).size(),
                    null);
        }
    }

    public boolean chosen(String questionId, String optionId) {
        return answers.get(questionId).contains(optionId);
    }

    /** One answered question in words, for summaries. */
    public record AnswerLine(String questionId, String question, List<String> answers) {}

    public static List<AnswerLine> summary(Questionnaire questionnaire, Map<String, List<String>> answers) {
        List<AnswerLine> lines = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            List<String> ids = answers.getOrDefault(q.id(), List.of());
            if (!ids.isEmpty()) {
                lines.add(new AnswerLine(
                        q.id(),
                        q.text(),
                        ids.stream()
                                .map(id -> q.options().stream()
                                        .filter(o -> o.id().equals(id))
                                        .map(Choice::label)
                                        .findFirst()
                                        .orElse(id))
                                .toList()));
            }
        }
        return lines;
    }

    /** The question a notice or error is about, in words. */
    public String questionText(String questionId) {
        return Questionnaire.standard().questions().stream()
                .filter(q -> q.id().equals(questionId))
                .map(Question::text)
                .findFirst()
                .orElse(questionId);
    }
}
