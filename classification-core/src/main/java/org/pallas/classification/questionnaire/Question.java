package org.pallas.classification.questionnaire;

import java.util.List;
import org.pallas.classification.capability.Choice;
import org.pallas.classification.capability.Field;

/**
 * One question: its id (the {@link Field} id), the question and help text, the answer options, when
 * it applies, and the rule IDs that make it matter (shown as "why we ask").
 */
public record Question(Field field, String text, String help, Condition applies, List<String> rules) {

    public String id() {
        return field.id();
    }

    public boolean multiple() {
        return field.multiple();
    }

    public List<Choice> options() {
        return field.options();
    }
}
