package org.pallas.server.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pallas.classification.Classification;
import org.pallas.classification.ClassificationEngine;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.FieldError;
import org.pallas.classification.capability.InvalidDescriptionException;
import org.pallas.classification.questionnaire.Answers;
import org.pallas.classification.questionnaire.Question;
import org.pallas.classification.questionnaire.Questionnaire;
import org.pallas.classification.reference.ReferenceData;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The stateless self-assessment: questionnaire answers in; the answers kept (those to questions that
 * still apply), notices for answers dropped because they no longer apply, the questions still to
 * answer and the classification out. Nothing is stored.
 */
@Service
public class ClassificationAssessments {

    private final Questionnaire questionnaire;
    private final ClassificationEngine engine;

    ClassificationAssessments(Questionnaire questionnaire, ClassificationEngine engine) {
        this.questionnaire = questionnaire;
        this.engine = engine;
    }

    /**
     * One step. {@code notices} names each dropped answer and why; the classification treats unanswered
     * questions as unknown, so it is shown before the questionnaire is complete too.
     */
    public record Step(
            Answers answers,
            List<FieldError> notices,
            List<Question> applicable,
            List<Question> next,
            boolean complete,
            Classification classification) {}

    /**
     * Evaluates the answers; throws {@link InvalidInputException} naming each unknown question or option
     * and each single-choice question given several answers.
     */
    public Step assess(Map<String, List<String>> raw) {
        Answers given = Answers.of(withoutBlanks(raw));
        try {
            CapabilityDescription.fromAnswers(given.asMap());
        } catch (InvalidDescriptionException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(f -> new InvalidInputException.FieldProblem(f.field(), f.message()))
                    .toList());
        }
        List<FieldError> notices = questionnaire.inapplicable(given);
        Answers kept = questionnaire.prune(given);
        Classification classification = engine.classify(questionnaire.describe(kept));
        return new Step(
                kept,
                notices,
                questionnaire.applicable(kept),
                questionnaire.nextQuestions(kept),
                questionnaire.isComplete(kept),
                classification);
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    public ReferenceData referenceData() {
        return engine.referenceData();
    }

    /** Forms send nothing for an untouched question and blank values for empty inputs; both mean unanswered. */
    private static Map<String, List<String>> withoutBlanks(Map<String, List<String>> raw) {
        Map<String, List<String>> clean = new LinkedHashMap<>();
        raw.forEach((id, values) -> {
            List<String> kept = values == null
                    ? List.of()
                    : values.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!kept.isEmpty()) {
                clean.put(id, kept);
            }
        });
        return clean;
    }
}
