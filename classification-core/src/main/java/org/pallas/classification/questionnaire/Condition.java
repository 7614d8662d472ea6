package org.pallas.classification.questionnaire;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pallas.classification.capability.Choice;
import org.pallas.classification.capability.Field;

/**
 * When a question applies, as data: it can be evaluated on answers, shown as text in the API, and
 * checked (each condition may only look at questions asked before it).
 */
public sealed interface Condition {

    boolean test(Answers answers);

    /** Plain-language form, e.g. "item_kind is one of exploit, implant". */
    String describe();

    /** The fields this condition reads. */
    Stream<Field> fields();

    static Condition always() {
        return new Always();
    }

    /** True when the answer to {@code field} includes any of {@code options}. */
    static Condition is(Field field, Choice... options) {
        return new AnswerIs(field, Arrays.stream(options).map(Choice::id).collect(Collectors.toUnmodifiableSet()));
    }

    static Condition allOf(Condition... conditions) {
        return new AllOf(List.of(conditions));
    }

    static Condition anyOf(Condition... conditions) {
        return new AnyOf(List.of(conditions));
    }

    static Condition not(Condition condition) {
        return new Not(condition);
    }

    record Always() implements Condition {
        @Override
        public boolean test(Answers answers) {
            return true;
        }

        @Override
        public String describe() {
            return "always";
        }

        @Override
        public Stream<Field> fields() {
            return Stream.empty();
        }
    }

    record AnswerIs(Field field, Set<String> options) implements Condition {
        @Override
        public boolean test(Answers answers) {
            return answers.get(field.id()).stream().anyMatch(options::contains);
        }

        @Override
        public String describe() {
            return field.id()
                    + (options.size() == 1 ? " is " : " includes one of ")
                    + options.stream().sorted().collect(Collectors.joining(", "));
        }

        @Override
        public Stream<Field> fields() {
            return Stream.of(field);
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Answers answers) {
            return conditions.stream().allMatch(c -> c.test(answers));
        }

        @Override
        public String describe() {
            return conditions.stream().map(c -> "(" + c.describe() + ")").collect(Collectors.joining(" and "));
        }

        @Override
        public Stream<Field> fields() {
            return conditions.stream().flatMap(Condition::fields);
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Answers answers) {
            return conditions.stream().anyMatch(c -> c.test(answers));
        }

        @Override
        public String describe() {
            return conditions.stream().map(c -> "(" + c.describe() + ")").collect(Collectors.joining(" or "));
        }

        @Override
        public Stream<Field> fields() {
            return conditions.stream().flatMap(Condition::fields);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Answers answers) {
            return !condition.test(answers);
        }

        @Override
        public String describe() {
            return "not (" + condition.describe() + ")";
        }

        @Override
        public Stream<Field> fields() {
            return condition.fields();
        }
    }
}
