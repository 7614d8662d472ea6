package org.pallas.classification;

import java.util.List;
import org.pallas.classification.reference.Regime;

/**
 * The classification for one regime: the outcome, the entries that catch the item (CONTROLLED), the
 * candidate entries still depending on open questions, the reason when NOT_CONTROLLED, the open
 * questions, and the numbered explanation chain.
 */
public record RegimeClassification(
        Regime regime,
        Outcome outcome,
        List<EntryMatch> entries,
        List<EntryMatch> candidates,
        String reason,
        List<String> reasonRules,
        List<OpenQuestion> openQuestions,
        List<ExplanationStep> explanation) {

    public List<String> entryCodes() {
        return entries.stream().map(EntryMatch::code).distinct().toList();
    }

    /** Every rule ID cited anywhere in the explanation chain, in first-cited order. */
    public List<String> citedRules() {
        return explanation.stream().flatMap(s -> s.rules().stream()).distinct().toList();
    }
}
