package org.pallas.classification.questionnaire;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pallas.classification.capability.Choice;
import org.pallas.classification.capability.Field;

/**
 * The answers given so far: question id to option ids, exactly as a form post or a JSON body
 * carries them. Immutable; {@link #with} returns a copy. Keeps insertion order.
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(Map.of());

    private final Map<String, List<String>> values;

    private Answers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** A live view of a map the questionnaire fills while it evaluates conditions in order. */
    static Answers view(Map<String, List<String>> values) {
        return new Answers(Collections.unmodifiableMap(values));
    }

    public static Answers none() {
        return EMPTY;
    }

    /** Copies the map; values must be non-null lists of option ids. */
    public static Answers of(Map<String, List<String>> values) {
        var copy = new LinkedHashMap<String, List<String>>();
        values.forEach((id, options) -> copy.put(
                Objects.requireNonNull(id, "question id"),
                List.copyOf(Objects.requireNonNull(options, () -> "options of " + id))));
        return new Answers(Collections.unmodifiableMap(copy));
    }

    public Answers with(Field field, Choice... options) {
        return with(field.id(), Arrays.stream(options).map(Choice::id).toList());
    }

    public Answers with(String questionId, List<String> options) {
        var copy = new LinkedHashMap<>(values);
        copy.put(questionId, List.copyOf(options));
        return new Answers(Collections.unmodifiableMap(copy));
    }

    public Answers without(String questionId) {
        var copy = new LinkedHashMap<>(values);
        copy.remove(questionId);
        return new Answers(Collections.unmodifiableMap(copy));
    }

    public boolean isAnswered(String questionId) {
        var options = values.get(questionId);
        return options != null && !options.isEmpty();
    }

    public List<String> get(String questionId) {
        return values.getOrDefault(questionId, List.of());
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answers other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
