package org.pallas.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/rule-catalogue.md}, the human-readable rulebook. Regenerate after any rule or data change
 * with {@code ./mvnw -q -pl policy-core compile exec:java}; {@code RuleCatalogueTest} fails when the committed file
 * is stale.
 */
public final class RuleCatalogue {

    private RuleCatalogue() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RuleCatalogue <output docs/rule-catalogue.md>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(Rulebook.shipped()), StandardCharsets.UTF_8);
    }

    public static String render(Rulebook rulebook) {
        StringBuilder md = new StringBuilder();
        md.append("# Pallas rule catalogue\n\n");
        md.append("Generated from `policy-core/src/main/resources/org/pallas/policy/rulebook/` by ")
                .append("`org.pallas.policy.RuleCatalogue`. Do not edit by hand: regenerate with ")
                .append("`./mvnw -q -pl policy-core compile exec:java`. A test fails when this file is stale.\n\n");
        md.append("- Rulebook version: `").append(rulebook.version()).append("`\n");
        md.append("- Content hash (SHA-256 of manifest, rule files and reference data): `")
                .append(rulebook.contentHash())
                .append("`\n");
        md.append("- Rules: ").append(rulebook.rules().size()).append("\n\n");
        md.append("Rule IDs in *Implements* come from `shared/reference/regulation.md`, with their confidence tag: ")
                .append(
                        "[P] primary text, [S] secondary source, [R] recollection, [D] derived. A rule citing an [R] or ")
                .append("[D] ID is marked **unverified** here and in every assessment.\n\n");

        md.append("## Routes\n\n");
        Rulebook.Thresholds t = rulebook.thresholds();
        md.append("The route is the most severe that any rule demands: `HARD_STOP` if a hard-stop rule fires; else ")
                .append("`PRESUMPTION_OF_DENIAL` if a presumption rule fires or the score is at least ")
                .append(t.presumptionOfDenial())
                .append("; else `ENHANCED_REVIEW` if an adviser team must be consulted or ")
                .append("the score is at least ")
                .append(t.enhancedReview())
                .append("; else `STANDARD` if the score is at ")
                .append("least ")
                .append(t.standard())
                .append("; else `FAST_TRACK`. The score is the sum of the weights of ")
                .append("the red-flag rules that fired (each rule counts once).\n\n");

        md.append("## Rules\n\n| Rule | Effect | Scope | Implements | Source |\n| --- | --- | --- | --- | --- |\n");
        for (Rule rule : rulebook.rules()) {
            md.append("| [")
                    .append(rule.id())
                    .append("](#")
                    .append(rule.id().toLowerCase(Locale.ROOT))
                    .append(") | ")
                    .append(effect(rule))
                    .append(" | ")
                    .append(scope(rule))
                    .append(" | ")
                    .append(rule.implementsIds().stream().map(Citation::id).collect(Collectors.joining(", ")))
                    .append(rule.unverified() ? " (unverified)" : "")
                    .append(" | ")
                    .append(rule.source())
                    .append(" |\n");
        }
        md.append('\n');
        for (Rule rule : rulebook.rules()) {
            md.append("### ").append(rule.id()).append("\n\n");
            md.append("**")
                    .append(rule.title())
                    .append("**")
                    .append(rule.unverified() ? " — *unverified*" : "")
                    .append("\n\n");
            md.append("- Effect: ").append(effect(rule)).append('\n');
            md.append("- Scope: ").append(scope(rule)).append('\n');
            md.append("- Implements: ")
                    .append(rule.implementsIds().stream()
                            .map(Citation::toString)
                            .collect(Collectors.joining(", ")))
                    .append('\n');
            md.append("- Reads: ")
                    .append(rule.reads().stream().map(r -> "`" + r + "`").collect(Collectors.joining(", ")))
                    .append('\n');
            md.append("- Source: `").append(rule.source()).append("`\n\n");
            md.append("```cel\n").append(rule.when()).append("\n```\n\n");
            md.append("> ").append(rule.explanation()).append("\n\n");
        }

        md.append("## Facts\n\n");
        // Where a submitted application's facts come from; the server's one mapping is SubmissionFacts.
        md.append("On a submitted application these facts come from one mapping in the server ")
                .append("(`SubmissionFacts`), never from the exporter's say-so where the authority knows better: ")
                .append("`product.entries`, `product.riskTier` and `product.capabilities` from the exporter's product ")
                .append("register (the authority's confirmed rating, else the rating computed from the product's ")
                .append(
                        "answers; a differing declaration is kept as the claim and the stricter is used); party types, ")
                .append("oversight (named body and legal basis) and `endUse.targeted` (number, kind and duration of ")
                .append(
                        "targets) from the application form; `dd.*` from its due-diligence answers; screening from the ")
                .append("screening module for every party and for the exporter; prior denials from this authority's ")
                .append("refusals. The form and API ask oversight and the targeted scope only when a rule reading ")
                .append("`party.independentOversight` or `endUse.targeted` fires on the draft with them unanswered. ")
                .append("The submission uses the active approved rulebook. `docs/licensing.md` (\"From form ")
                .append("to rule\") lists each source; a server test routes every documented scenario both ways and ")
                .append("requires the same route.\n\n");
        for (Map.Entry<String, List<FactCatalogue.Definition>> group :
                FactCatalogue.groups().entrySet()) {
            md.append("### ").append(group.getKey()).append("\n\n| Fact | Type | Meaning |\n| --- | --- | --- |\n");
            for (FactCatalogue.Definition d : group.getValue()) {
                md.append("| `")
                        .append(d.name())
                        .append("` | ")
                        .append(d.type())
                        .append(" | ")
                        .append(d.description().replace("|", "\\|"))
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Due-diligence questions\n\n| Question | Level | Asks | Cites |\n| --- | --- | --- | --- |\n");
        for (DueDiligenceQuestion q : DueDiligenceQuestion.values()) {
            md.append("| `")
                    .append(q.name())
                    .append("` | ")
                    .append(q.level())
                    .append(" | ")
                    .append(q.text())
                    .append(" | ")
                    .append(String.join(", ", q.cites()))
                    .append(" |\n");
        }
        md.append("\nLevels: a transfer that would fast-track is asked BASIC questions, a standard one BASIC and ")
                .append("STANDARD, one needing enhanced review or presumed denied all of them.\n\n");

        md.append("## Licence conditions\n\n| Condition | Text |\n| --- | --- |\n");
        for (LicenceCondition c : LicenceCondition.values()) {
            md.append("| `").append(c.name()).append("` | ").append(c.text()).append(" |\n");
        }

        md.append("\n## Regulation IDs cited\n\n| ID | Tag | regulation.md section | Cited by |\n")
                .append("| --- | --- | --- | --- |\n");
        Map<String, List<String>> citedBy = new LinkedHashMap<>();
        for (Rule rule : rulebook.rules()) {
            rule.implementsIds()
                    .forEach(c -> citedBy.computeIfAbsent(c.id(), k -> new ArrayList<>())
                            .add(rule.id()));
        }
        citedBy.keySet().stream().sorted().forEach(id -> {
            RegulationRule r = rulebook.regulation().find(id).orElseThrow();
            md.append("| ")
                    .append(id)
                    .append(" | ")
                    .append(r.tag())
                    .append(r.unverified() ? " (unverified)" : "")
                    .append(" | ")
                    .append(r.section())
                    .append(" | ")
                    .append(String.join(", ", citedBy.get(id)))
                    .append(" |\n");
        });
        return md.toString();
    }

    private static String effect(Rule rule) {
        return switch (rule.effect()) {
            case RED_FLAG -> "RED_FLAG (" + rule.weight() + ")";
            case REFER -> "REFER " + rule.team();
            case CONDITION -> "CONDITION " + rule.condition();
            default -> rule.effect().name();
        };
    }

    private static String scope(Rule rule) {
        return rule.scope().name().toLowerCase(Locale.ROOT);
    }
}
