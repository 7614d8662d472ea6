package org.pallas.licensing;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pallas.policy.AdviserTeam;

/**
 * The policy engine's verdict handed to a case: the route, the advice teams it requires (the route's own plus any
 * the assessment names), conditions it suggests, and the contributions that led to it.
 */
public record Routing(
        AssessmentRoute route,
        Set<AdviserTeam> requiredAdvice,
        List<String> suggestedConditions,
        List<RiskContribution> contributions,
        String assessmentReference) {

    public Routing {
        Objects.requireNonNull(route, "route");
        Set<AdviserTeam> teams = EnumSet.noneOf(AdviserTeam.class);
        teams.addAll(route.requiredAdvice());
        teams.addAll(requiredAdvice);
        if (!route.adviceAllowed() && !teams.isEmpty()) {
            throw new IllegalArgumentException(
                    "route " + route + " takes no advice, but the assessment names " + teams);
        }
        requiredAdvice = Set.copyOf(teams);
        suggestedConditions = List.copyOf(suggestedConditions);
        contributions = List.copyOf(contributions);
    }

    public static Routing of(AssessmentRoute route) {
        return new Routing(route, Set.of(), List.of(), List.of(), null);
    }
}
