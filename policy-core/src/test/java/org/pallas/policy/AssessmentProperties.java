package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties every assessment must have, over seeded random applications (ADR 0002: seeded JUnit loops,
 * no jqwik). The seed and the case number are in every failure message, so a failure can be replayed.
 */
class AssessmentProperties {

    private static final long SEED = 20261127L;
    private static final int CASES = 60;
    private static final List<String> COUNTRIES = List.of(
            "DE", "FR", "GB", "AE", "EG", "MX", "HU", "GE", "VN", "CN", "MM", "CU", "IT", "RS", "AQ", "KE", "IN");

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <E extends Enum<E>> E pick(SplittableRandom random, Class<E> type) {
        return pick(random, List.of(type.getEnumConstants()));
    }

    /** A random application built from the fixtures, as the jqwik generator before it did. */
    static Application application(SplittableRandom random) {
        Product product = pick(
                random,
                List.of(
                        Fixtures.exploitChain(),
                        Fixtures.interceptionPlatform(),
                        Fixtures.pentestFramework(),
                        Fixtures.exploitResearch(),
                        Fixtures.scanner()));
        String country = pick(random, COUNTRIES);
        Boolean oversight = random.nextInt(10) < 3 ? null : random.nextBoolean();
        Fixtures.Builder b = Fixtures.application()
                .product(product)
                .endUse(pick(random, EndUse.Category.class), "Stated use")
                .party(Fixtures.endUser(
                        "End User " + country, country, pick(random, Party.EndUserType.class), oversight));
        if (random.nextBoolean()) {
            String via = pick(random, COUNTRIES);
            b.party(Fixtures.intermediary("Broker " + via, via));
        }
        int answers = random.nextInt(5);
        for (int i = 0; i < answers; i++) {
            b.answer(pick(random, DueDiligenceQuestion.class), pick(random, Application.Answer.class));
        }
        return b.build();
    }

    private static List<Application> applications() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Application> all = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            all.add(application(random));
        }
        return all;
    }

    private static String at(int i) {
        return "seed " + SEED + ", case " + i;
    }

    @Test
    void sameFactsGiveTheSameAssessment() {
        List<Application> all = applications();
        for (int i = 0; i < all.size(); i++) {
            assertThat(Fixtures.ENGINE.assess(all.get(i))).as(at(i)).isEqualTo(Fixtures.ENGINE.assess(all.get(i)));
        }
    }

    @Test
    void routeIsConsistentWithFindingsAndScore() {
        List<Application> all = applications();
        Rulebook.Thresholds t = Fixtures.ENGINE.rulebook().thresholds();
        for (int i = 0; i < all.size(); i++) {
            Assessment a = Fixtures.ENGINE.assess(all.get(i));
            assertThat(a.score())
                    .as(at(i))
                    .isEqualTo(a.contributions().stream()
                            .mapToInt(Assessment.Contribution::weight)
                            .sum());
            assertThat(a.route() == Route.HARD_STOP)
                    .as(at(i))
                    .isEqualTo(!a.findings(Effect.HARD_STOP).isEmpty());
            if (a.route() != Route.HARD_STOP) {
                Route byScore = a.score() >= t.presumptionOfDenial()
                        ? Route.PRESUMPTION_OF_DENIAL
                        : a.score() >= t.enhancedReview()
                                ? Route.ENHANCED_REVIEW
                                : a.score() >= t.standard() ? Route.STANDARD : Route.FAST_TRACK;
                assertThat(a.route()).as(at(i)).isGreaterThanOrEqualTo(byScore);
                assertThat(a.route().compareTo(Route.ENHANCED_REVIEW) >= 0)
                        .as(at(i))
                        .isEqualTo(a.route() == Route.PRESUMPTION_OF_DENIAL
                                || !a.consultations().isEmpty()
                                || byScore == Route.ENHANCED_REVIEW);
            }
            assertThat(a.findings())
                    .as(at(i))
                    .allSatisfy(f -> assertThat(f.cites()).isNotEmpty());
            assertThat(a.unverifiedCitations())
                    .as(at(i))
                    .containsExactlyInAnyOrderElementsOf(a.findings().stream()
                            .flatMap(f -> f.cites().stream())
                            .filter(Citation::unverified)
                            .map(Citation::id)
                            .distinct()
                            .toList());
        }
    }

    @Test
    void answeringYesToARedFlagQuestionNeverLowersTheRouteOrScore() {
        List<Application> all = applications();
        for (int i = 0; i < all.size(); i++) {
            Application application = all.get(i);
            Assessment before = Fixtures.ENGINE.assess(application);
            for (DueDiligenceQuestion question : DueDiligenceQuestion.values()) {
                if (application.dueDiligence().get(question) == Application.Answer.DECLINED) {
                    continue;
                }
                Map<DueDiligenceQuestion, Application.Answer> more = new EnumMap<>(DueDiligenceQuestion.class);
                more.putAll(application.dueDiligence());
                more.put(question, Application.Answer.YES);
                Assessment after = Fixtures.ENGINE.assess(application.withDueDiligence(more));
                assertThat(after.route()).as(at(i) + ", " + question).isGreaterThanOrEqualTo(before.route());
                assertThat(after.score()).as(at(i) + ", " + question).isGreaterThanOrEqualTo(before.score());
            }
        }
    }
}
