package org.pallas.policy;

import java.util.List;

/**
 * One rule of the rulebook as written in its YAML file.
 *
 * @param implementsIds the regulation rule IDs (regulation.md) the rule implements, with their confidence tags
 * @param reads the facts the rule reads; its CEL condition can see no others
 * @param when the CEL condition
 * @param weight red-flag weight (RED_FLAG only; otherwise 0)
 * @param team adviser team (REFER only)
 * @param condition licence condition (CONDITION only)
 * @param explanation the explanation template; {@code {fact.name}} is replaced by the fact's value
 * @param source "file.yaml:line" where the rule starts
 */
public record Rule(
        String id,
        String title,
        List<Citation> implementsIds,
        FactCatalogue.Scope scope,
        List<String> reads,
        String when,
        Effect effect,
        int weight,
        AdviserTeam team,
        LicenceCondition condition,
        String explanation,
        String source) {

    public Rule {
        implementsIds = List.copyOf(implementsIds);
        reads = List.copyOf(reads);
    }

    public boolean unverified() {
        return implementsIds.stream().anyMatch(Citation::unverified);
    }
}
