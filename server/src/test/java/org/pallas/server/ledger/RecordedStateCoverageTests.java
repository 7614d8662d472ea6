package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedState;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every subject type a {@code RecordedChange} is published for has a {@link RecordedState}, so the integrity
 * check covers its rows. The subject types are read from the {@link RecordedAs} of every event type in the
 * server's classes, so a module added later cannot publish a type the check does not know.
 */
@PallasTest
class RecordedStateCoverageTests {

    /**
     * Subject types whose RecordedState another branch of this session delivers. Each entry must still lack
     * one: once it exists, the test fails until the entry is removed, so the exception cannot outlive its
     * reason.
     */
    private static final Map<String, String> DELIVERED_ELSEWHERE = Map.of();

    @Autowired
    List<RecordedState> states;

    @Test
    void everyPublishedSubjectTypeHasARecordedState() {
        Map<String, Set<String>> published = publishedSubjectTypes();
        assertThat(published)
                .as("subject types of the event types")
                .containsKeys(
                        "organisation",
                        "user",
                        "token",
                        "product",
                        "classification-request",
                        "screening-party",
                        "screening-alert",
                        "list-version",
                        "screening-search",
                        "rulebook-change",
                        "case");
        Set<String> covered = new TreeSet<>();
        states.forEach(s -> covered.add(s.subjectType()));
        Map<String, Set<String>> missing = new TreeMap<>(published);
        missing.keySet().removeAll(covered);
        missing.keySet().removeAll(DELIVERED_ELSEWHERE.keySet());
        assertThat(missing)
                .as("published subject types (with the events publishing them) that no RecordedState bean "
                        + "covers: add one so the integrity check recomputes their rows")
                .isEmpty();
        assertThat(DELIVERED_ELSEWHERE.keySet())
                .as("these now have a RecordedState: remove them from " + "DELIVERED_ELSEWHERE")
                .doesNotContainAnyElementsOf(covered);
    }

    @Test
    void noTwoRecordedStatesClaimTheSameSubjectType() {
        List<String> types =
                states.stream().map(RecordedState::subjectType).sorted().toList();
        assertThat(types).doesNotHaveDuplicates();
    }

    /** Subject type → the event types recorded with it. */
    static Map<String, Set<String>> publishedSubjectTypes() {
        Map<String, Set<String>> published = new TreeMap<>();
        RecordedTypesTests.eventTypes()
                .forEach(type -> published
                        .computeIfAbsent(type.getAnnotation(RecordedAs.class).subject(), k -> new TreeSet<>())
                        .add(type.getSimpleName()));
        return published;
    }
}
