package org.pallas.licensing;

import java.time.Instant;
import java.util.List;

/**
 * A case officer's decision with its reasons. A refusal cites at least one criterion by rule ID (peers.md §1, LITE's
 * {@code LicenceDecision} with refusal criteria); conditions belong to approvals only.
 */
public record Decision(
        Outcome outcome,
        String reasons,
        List<RefusalCriterion> criteria,
        List<String> conditions,
        String decidedBy,
        Instant decidedAt) {

    public Decision {
        criteria = List.copyOf(criteria);
        conditions = List.copyOf(conditions);
        if (reasons == null || reasons.isBlank()) {
            throw new RuleViolationException("a decision must give its reasons");
        }
        if (outcome == Outcome.REFUSED && criteria.isEmpty()) {
            throw new RuleViolationException("a refusal must cite at least one refusal criterion (e.g. UK-C2, UK-C7)");
        }
        if (outcome != Outcome.REFUSED && !criteria.isEmpty()) {
            throw new RuleViolationException("only a refusal cites refusal criteria, not " + outcome);
        }
        if (outcome != Outcome.APPROVED && !conditions.isEmpty()) {
            throw new RuleViolationException("only an approval carries conditions, not " + outcome);
        }
    }
}
