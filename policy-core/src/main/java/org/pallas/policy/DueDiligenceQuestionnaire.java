package org.pallas.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Proportionate burden: which due-diligence questions to ask the exporter. The preliminary facts (everything but
 * the answers) are assessed with the rulebook; a transfer that would fast-track is asked the BASIC questions, a
 * standard one the STANDARD set, one needing enhanced review or presumed denied the FULL set (EUREC-DD-3: a
 * per-transaction assessment scaled to the risk). A hard stop asks nothing: no answer could lift it.
 */
public final class DueDiligenceQuestionnaire {

    /**
     * The questions to ask and why.
     *
     * @param level null when nothing is asked (hard stop)
     * @param basis the preliminary route's basis
     */
    public record Plan(
            Route preliminaryRoute,
            DueDiligenceQuestion.Level level,
            List<DueDiligenceQuestion> questions,
            List<String> basis) {}

    private final PolicyEngine engine;

    public DueDiligenceQuestionnaire(PolicyEngine engine) {
        this.engine = Objects.requireNonNull(engine);
    }

    public Plan plan(Application preliminary) {
        Assessment assessment = engine.assess(preliminary.withDueDiligence(Map.of()));
        DueDiligenceQuestion.Level level = switch (assessment.route()) {
            case FAST_TRACK -> DueDiligenceQuestion.Level.BASIC;
            case STANDARD -> DueDiligenceQuestion.Level.STANDARD;
            case ENHANCED_REVIEW, PRESUMPTION_OF_DENIAL -> DueDiligenceQuestion.Level.FULL;
            case HARD_STOP -> null;
        };
        List<DueDiligenceQuestion> questions = level == null
                ? List.of()
                : Arrays.stream(DueDiligenceQuestion.values())
                        .filter(q -> q.level().compareTo(level) <= 0)
                        .toList();
        return new Plan(assessment.route(), level, questions, assessment.routeBasis());
    }
}
