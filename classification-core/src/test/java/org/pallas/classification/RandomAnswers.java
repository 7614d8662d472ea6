package org.pallas.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pallas.classification.capability.Choice;
import org.pallas.classification.capability.Tri;
import org.pallas.classification.questionnaire.Answers;
import org.pallas.classification.questionnaire.Question;
import org.pallas.classification.questionnaire.Questionnaire;

/**
 * Walks the questionnaire the way a user of the form does: answer one of the first questions offered,
 * with a random valid answer, prune what no longer applies, until nothing is offered (or, for partial
 * walks, stop early). Seeded, so a failure names a seed that reproduces it.
 */
final class RandomAnswers {

    private final Questionnaire questionnaire;
    private final Random random;
    private final boolean allowUnknown;

    RandomAnswers(Questionnaire questionnaire, long seed, boolean allowUnknown) {
        this.questionnaire = questionnaire;
        this.random = new Random(seed);
        this.allowUnknown = allowUnknown;
    }

    Answers complete() {
        return walk(Integer.MAX_VALUE);
    }

    Answers partial() {
        return walk(random.nextInt(12));
    }

    private Answers walk(int maxSteps) {
        Answers answers = Answers.none();
        for (int step = 0; step < maxSteps; step++) {
            List<Question> next = questionnaire.nextQuestions(answers);
            if (next.isEmpty()) {
                break;
            }
            Question question = next.get(random.nextInt(Math.min(2, next.size())));
            // As the server does after each post: drop answers that a later answer made irrelevant.
            answers = questionnaire.prune(answers.with(question.id(), answer(question)));
        }
        return answers;
    }

    private List<String> answer(Question question) {
        List<Choice> options = new ArrayList<>(question.options());
        if (!allowUnknown) {
            options.remove(Tri.UNKNOWN);
        }
        if (!question.multiple()) {
            return List.of(options.get(random.nextInt(options.size())).id());
        }
        if (random.nextInt(5) == 0) {
            Choice exclusive = options.stream()
                    .filter(o -> o.name().equals("NONE") || o.name().equals("NOT_APPLICABLE"))
                    .findFirst()
                    .orElse(null);
            if (exclusive != null) {
                return List.of(exclusive.id());
            }
        }
        options.removeIf(o -> o.name().equals("NONE") || o.name().equals("NOT_APPLICABLE"));
        var chosen = new ArrayList<String>();
        for (Choice option : options) {
            if (random.nextBoolean()) {
                chosen.add(option.id());
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(options.get(random.nextInt(options.size())).id());
        }
        return chosen;
    }
}
