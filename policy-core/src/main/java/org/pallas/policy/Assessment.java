package org.pallas.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The structured, deterministic result of assessing one application under one rulebook version.
 *
 * @param routeBasis why the route is what it is, e.g. "HS-SANCTIONED-PARTY (HARD_STOP)" or "score 45 >= 40"
 * @param contributions one entry per red-flag rule that fired (a rule counts once however many subjects it fired
 *     for); they sum to {@code score}
 * @param redFlags every red-flag finding, per subject
 * @param findings every rule that fired, in rulebook order
 * @param unverifiedCitations the cited rule IDs that are tagged [R] (or derived) and so unverified
 */
public record Assessment(
        String reference,
        LocalDate asOf,
        String rulebookVersion,
        String rulebookHash,
        Route route,
        List<String> routeBasis,
        int score,
        List<Contribution> contributions,
        List<Finding> redFlags,
        List<Consultation> consultations,
        List<ConditionRequirement> conditions,
        List<Finding> findings,
        List<String> unverifiedCitations) {

    /** A red-flag rule's contribution to the score. */
    public record Contribution(String ruleId, int weight, List<String> subjects, List<Citation> cites) {}

    /** An adviser team to consult and the rules that require it. */
    public record Consultation(AdviserTeam team, List<String> ruleIds, List<Citation> cites) {}

    /** A suggested licence condition and the rules that suggest it. */
    public record ConditionRequirement(
            LicenceCondition condition, String text, List<String> ruleIds, List<Citation> cites) {}

    /** Every regulation ID cited anywhere in the assessment, in first-seen order. */
    public List<String> citedIds() {
        return findings.stream().flatMap(f -> f.citedIds().stream()).distinct().toList();
    }

    /** The IDs of the rulebook rules that fired. */
    public List<String> firedRules() {
        return findings.stream().map(Finding::ruleId).distinct().toList();
    }

    public List<Finding> findings(Effect effect) {
        return findings.stream().filter(f -> f.effect() == effect).toList();
    }

    public Stream<Finding> findingsOf(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId));
    }
}
