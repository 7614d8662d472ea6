package org.pallas.policy;

import java.util.List;
import java.util.Map;

/**
 * One rule that fired for one subject.
 *
 * @param subject "application", "party 2: Acme Ltd (END_USER, AE)" or "destination AE (United Arab Emirates)"
 * @param cites the rule IDs the rule implements, then regulation IDs named in its evidence (e.g. CASE-01)
 * @param evidence the facts the rule read, with their values, in the order the rule declares them
 * @param weight the red-flag weight; 0 for other effects
 * @param team the adviser team for REFER; null otherwise
 * @param condition the licence condition for CONDITION; null otherwise
 */
public record Finding(
        String ruleId,
        String title,
        Effect effect,
        String subject,
        String explanation,
        List<Citation> cites,
        Map<String, Object> evidence,
        int weight,
        AdviserTeam team,
        LicenceCondition condition) {

    /** True when any rule this finding cites is unverified. */
    public boolean unverified() {
        return cites.stream().anyMatch(Citation::unverified);
    }

    public List<String> citedIds() {
        return cites.stream().map(Citation::id).toList();
    }
}
