package org.pallas.classification;

import java.util.ArrayList;
import java.util.List;
import org.pallas.classification.capability.Field;
import org.pallas.classification.capability.ItemForm;

/**
 * The regime-neutral list assessment under construction: the steps taken, the entries found, what
 * took the item out of an entry, and what is still open. The Wassenaar text is shared by Annex I, the
 * UK list and the CCL (WA-EU-MAP, WA-UK-MAP), so this is computed once and rendered per regime.
 */
final class Assessment {

    record Step(String text, List<String> rules) {}

    /** An entry that catches the item, or a candidate ({@code pending}) that depends on open questions. */
    record Match(String code, String relatedTo, List<String> subparagraphs, ItemForm form, boolean pending) {
        Match asPending() {
            return new Match(code, relatedTo, subparagraphs, form, true);
        }

        String label() {
            return EntryMatch.label(code, relatedTo, subparagraphs);
        }
    }

    final List<Step> steps = new ArrayList<>();
    final List<Match> matches = new ArrayList<>();
    final List<Step> exclusions = new ArrayList<>();
    final List<OpenQuestion> open = new ArrayList<>();

    void step(String text, String... rules) {
        steps.add(new Step(text, List.of(rules)));
    }

    /** Records why an entry does not catch the item; it is also a step of the explanation. */
    void exclude(String text, String... rules) {
        var step = new Step(text, List.of(rules));
        steps.add(step);
        exclusions.add(step);
    }

    void unanswered(Field field, String text, String... rules) {
        add(new OpenQuestion(OpenQuestion.Kind.UNANSWERED, field.id(), text, List.of(rules)));
    }

    void conflict(Field field, String text, String... rules) {
        add(new OpenQuestion(OpenQuestion.Kind.CONFLICT, field.id(), text, List.of(rules)));
    }

    void interpretation(String text, String... rules) {
        add(new OpenQuestion(OpenQuestion.Kind.INTERPRETATION, null, text, List.of(rules)));
    }

    private void add(OpenQuestion question) {
        boolean known = open.stream()
                .anyMatch(q -> q.kind() == question.kind()
                        && java.util.Objects.equals(q.questionId(), question.questionId())
                        && (q.questionId() != null || q.text().equals(question.text())));
        if (!known) {
            open.add(question);
        }
    }

    void match(String code, String relatedTo, ItemForm form, boolean pending, String... subparagraphs) {
        var match = new Match(code, relatedTo, List.of(subparagraphs), form, pending);
        if (!matches.contains(match)) {
            matches.add(match);
        }
    }

    /** "a", "a and b", "a, b and c". */
    static String joined(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    boolean hasMatches() {
        return !matches.isEmpty();
    }

    boolean hasFirmMatch() {
        return matches.stream().anyMatch(m -> !m.pending());
    }

    Outcome outcome() {
        if (hasFirmMatch()) {
            return Outcome.CONTROLLED;
        }
        return hasMatches() || !open.isEmpty() ? Outcome.NEEDS_REVIEW : Outcome.NOT_CONTROLLED;
    }
}
