package org.pallas.licensing;

import java.time.Instant;
import java.util.List;
import org.pallas.policy.AdviserTeam;

/** One adviser team's advice on one version of the application. Regulator-only. */
public record Advice(
        AdviserTeam team,
        String adviserId,
        AdviceType type,
        String reasoning,
        List<String> conditions,
        List<RefusalCriterion> criteria,
        int applicationVersion,
        Instant givenAt) {

    public Advice {
        conditions = List.copyOf(conditions);
        criteria = List.copyOf(criteria);
        if (reasoning == null || reasoning.isBlank()) {
            throw new RuleViolationException("advice from " + team + " must give its reasoning");
        }
        if (type == AdviceType.REFUSE && criteria.isEmpty()) {
            throw new RuleViolationException(
                    "advice to refuse from " + team + " must cite at least one refusal criterion");
        }
        if (type == AdviceType.APPROVE_WITH_CONDITIONS && conditions.isEmpty()) {
            throw new RuleViolationException(
                    "advice to approve with conditions from " + team + " must state the conditions");
        }
        if (type != AdviceType.REFUSE && !criteria.isEmpty()) {
            throw new RuleViolationException(
                    "only advice to refuse cites refusal criteria (" + team + " advised " + type + ")");
        }
    }
}
