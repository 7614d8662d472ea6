package org.pallas.classification.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The question for a JSON API: id, text, help, options with labels, when it applies, rules. */
    public Map<String, Object> toJsonModel() {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", id());
        json.put("text", text);
        json.put("help", help);
        json.put("multiple", multiple());
        json.put(
                "options",
                options().stream()
                        .map(o -> Map.of("id", o.id(), "label", o.label()))
                        .toList());
        json.put("applies_when", applies.describe());
        json.put("rules", rules);
        return json;
    }
}
