package org.pallas.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.questionnaire.Answers;
import org.pallas.classification.questionnaire.Question;
import org.pallas.classification.questionnaire.Questionnaire;
import org.pallas.classification.reference.ReferenceData;
import org.pallas.classification.reference.Regime;
import org.yaml.snakeyaml.Yaml;

/**
 * The product scenarios in scenarios.yaml: each is answered through the questionnaire as a vendor
 * would, then classified; the expected outcome per regime, entries, key rule IDs in the explanation,
 * the EU Art. 5 and US ACE flags and the risk tier are asserted.
 */
class ScenarioTests {

    private static final ReferenceData DATA = ReferenceData.bundled();
    private static final ClassificationEngine ENGINE = new ClassificationEngine(DATA);
    private static final Questionnaire QUESTIONNAIRE = Questionnaire.standard();

    record Scenario(String name, Answers answers, Map<String, Object> expect, boolean complete) {}

    static List<Scenario> scenarios() {
        try (InputStream in = ScenarioTests.class.getResourceAsStream("scenarios.yaml")) {
            List<Map<String, Object>> raw = new Yaml().load(in);
            var scenarios = new ArrayList<Scenario>();
            for (Map<String, Object> item : raw) {
                @SuppressWarnings("unchecked")
                Map<String, List<Object>> answers = (Map<String, List<Object>>) item.get("answers");
                var converted = new LinkedHashMap<String, List<String>>();
                answers.forEach((id, values) -> converted.put(
                        id, values.stream().map(ScenarioTests::text).toList()));
                @SuppressWarnings("unchecked")
                Map<String, Object> expect = (Map<String, Object>) item.get("expect");
                scenarios.add(new Scenario(
                        (String) item.get("name"),
                        Answers.of(converted),
                        expect,
                        !Boolean.FALSE.equals(item.get("complete"))));
            }
            return scenarios;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** YAML 1.1 reads yes/no as booleans; answers are option ids. */
    private static String text(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(value);
    }

    @Test
    void coversAtLeastThirtyScenarios() {
        assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(30);
    }

    @TestFactory
    Stream<DynamicTest> scenariosClassifyAsExpected() {
        return scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    private static void check(Scenario s) {
        assertThat(QUESTIONNAIRE.validate(s.answers()))
                .as("questionnaire accepts the answers")
                .isEmpty();
        if (s.complete()) {
            assertThat(QUESTIONNAIRE.nextQuestions(s.answers()).stream()
                            .map(Question::id)
                            .toList())
                    .as("questions still to answer")
                    .isEmpty();
        }
        CapabilityDescription description = QUESTIONNAIRE.describe(s.answers());
        Classification result = ENGINE.classify(description);
        Map<String, Object> e = s.expect();
        for (Regime regime : Regime.values()) {
            RegimeClassification r = result.regime(regime);
            String as = regime + " " + r.explanation();
            assertThat(r.outcome()).as(as).isEqualTo(expectedOutcome(e, regime));
            if (e.containsKey("entries")) {
                assertThat(r.entries().stream().map(EntryMatch::label).toList())
                        .as(as)
                        .containsExactlyInAnyOrderElementsOf(strings(e, "entries"));
            }
            if (e.containsKey("candidates")) {
                assertThat(r.candidates().stream().map(EntryMatch::label).toList())
                        .as(as)
                        .containsExactlyInAnyOrderElementsOf(strings(e, "candidates"));
            }
            assertThat(r.citedRules()).as(as).containsAll(strings(e, "rules"));
            assertThat(r.citedRules())
                    .as(as)
                    .containsAll(strings(e, regime.name().toLowerCase(java.util.Locale.ROOT) + "_rules"));
            if (r.outcome() == Outcome.NOT_CONTROLLED) {
                assertThat(r.reason()).as(as).isNotBlank();
                assertThat(r.reasonRules()).as(as).containsAll(strings(e, "reason_rules"));
                assertThat(r.entries()).as(as).isEmpty();
            }
            if (r.outcome() == Outcome.CONTROLLED) {
                assertThat(r.entries()).as(as).isNotEmpty();
            }
            if (e.containsKey("open")) {
                assertThat(r.openQuestions().stream()
                                .map(OpenQuestion::questionId)
                                .toList())
                        .as(as)
                        .containsAll(strings(e, "open"));
            }
            if (e.containsKey("open_kinds")) {
                assertThat(r.openQuestions().stream().map(q -> q.kind().name()).toList())
                        .as(as)
                        .containsAll(strings(e, "open_kinds"));
            }
            if (Boolean.TRUE.equals(e.get("unverified")) && regime == Regime.WA) {
                assertThat(r.explanation()).as(as).anyMatch(ExplanationStep::unverified);
            }
        }
        if (e.containsKey("us_reasons")) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> reasons = (Map<String, List<String>>) e.get("us_reasons");
            reasons.forEach((code, expected) -> assertThat(result.regime(Regime.US).entries().stream()
                            .filter(m -> m.code().equals(code))
                            .findFirst()
                            .orElseThrow()
                            .usReasons())
                    .isEqualTo(expected));
        }
        if (e.containsKey("art5")) {
            assertThat(result.euArticle5().state().name())
                    .as("Art. 5 " + result.euArticle5().explanation())
                    .isEqualTo(e.get("art5"));
        }
        assertThat(result.euArticle5().explanation().stream()
                        .flatMap(x -> x.rules().stream())
                        .toList())
                .containsAll(strings(e, "art5_rules"));
        if (e.containsKey("ace")) {
            assertThat(result.usAce().state().name())
                    .as("ACE " + result.usAce().explanation())
                    .isEqualTo(e.get("ace"));
        }
        assertThat(result.usAce().explanation().stream()
                        .flatMap(x -> x.rules().stream())
                        .toList())
                .containsAll(strings(e, "ace_rules"));
        assertThat(result.usAce().openQuestions().stream()
                        .map(OpenQuestion::questionId)
                        .toList())
                .containsAll(strings(e, "ace_open"));
        if (e.containsKey("risk")) {
            assertThat(result.risk().tier())
                    .as("risk " + result.risk().reasons())
                    .isEqualTo(e.get("risk"));
        }
        assertThat(result.risk().reasons().stream()
                        .flatMap(x -> x.rules().stream())
                        .toList())
                .containsAll(strings(e, "risk_rules"));
    }

    private static Outcome expectedOutcome(Map<String, Object> e, Regime regime) {
        @SuppressWarnings("unchecked")
        Map<String, String> perRegime = (Map<String, String>) e.getOrDefault("outcomes", Map.of());
        return Outcome.valueOf(perRegime.getOrDefault(regime.name(), (String) e.get("outcome")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> e, String key) {
        return ((List<Object>) e.getOrDefault(key, List.of()))
                .stream().map(ScenarioTests::text).toList();
    }
}
