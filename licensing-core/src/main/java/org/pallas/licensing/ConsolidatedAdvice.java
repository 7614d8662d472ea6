package org.pallas.licensing;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The case officer's consolidation of the teams' advice. The combined type follows LITE's rule (peers.md §1): teams
 * with no view drop out; one remaining type is kept; approve and approve-with-conditions combine to the latter;
 * anything else is conflicting. Conditions and criteria are unioned in order.
 */
public record ConsolidatedAdvice(
        Type type,
        List<String> conditions,
        List<RefusalCriterion> criteria,
        String summary,
        String consolidatedBy,
        int applicationVersion,
        Instant consolidatedAt) {

    public enum Type {
        APPROVE,
        APPROVE_WITH_CONDITIONS,
        REFUSE,
        CONFLICTING,
        NO_VIEW
    }

    public ConsolidatedAdvice {
        conditions = List.copyOf(conditions);
        criteria = List.copyOf(criteria);
    }

    static ConsolidatedAdvice of(Collection<Advice> advice, String summary, String by, int version, Instant at) {
        Set<AdviceType> types = new LinkedHashSet<>();
        Set<String> conditions = new LinkedHashSet<>();
        Set<RefusalCriterion> criteria = new LinkedHashSet<>();
        for (Advice a : advice) {
            if (a.type() != AdviceType.NO_VIEW) {
                types.add(a.type());
            }
            conditions.addAll(a.conditions());
            criteria.addAll(a.criteria());
        }
        return new ConsolidatedAdvice(
                combine(types), List.copyOf(conditions), List.copyOf(criteria), summary, by, version, at);
    }

    private static Type combine(Set<AdviceType> types) {
        if (types.isEmpty()) {
            return Type.NO_VIEW;
        }
        if (types.size() == 1) {
            return Type.valueOf(types.iterator().next().name());
        }
        if (types.equals(Set.of(AdviceType.APPROVE, AdviceType.APPROVE_WITH_CONDITIONS))) {
            return Type.APPROVE_WITH_CONDITIONS;
        }
        return Type.CONFLICTING;
    }
}
