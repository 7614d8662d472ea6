package org.pallas.server.classification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pallas.classification.Classification;
import org.pallas.classification.Outcome;
import org.pallas.classification.RegimeClassification;
import org.pallas.classification.reference.Regime;

/**
 * The engine's result as recorded with a classification request: per regime the outcome, the entries
 * and the candidates still open, the rules the explanation cites, the risk tier and the two flags.
 * The full explanation is recomputed from the request's product version for display.
 */
public record Proposal(Map<Regime, RegimeProposal> regimes, int riskTier, String euArticle5, String usAce) {

    /** One regime's part of the proposal. */
    public record RegimeProposal(Outcome outcome, List<String> entries, List<String> candidates, List<String> rules) {}

    static Proposal of(Classification c) {
        Map<Regime, RegimeProposal> regimes = new EnumMap<>(Regime.class);
        for (Regime regime : Regime.values()) {
            RegimeClassification r = c.regime(regime);
            regimes.put(
                    regime,
                    new RegimeProposal(
                            r.outcome(),
                            r.entryCodes(),
                            r.candidates().stream()
                                    .map(e -> e.code())
                                    .distinct()
                                    .toList(),
                            r.citedRules()));
        }
        return new Proposal(
                regimes,
                c.risk().tier(),
                c.euArticle5().state().name(),
                c.usAce().state().name());
    }

    /** True when every regime is decided (no NEEDS_REVIEW), so the proposal can be confirmed as it is. */
    public boolean decided() {
        return regimes.values().stream().noneMatch(r -> r.outcome() == Outcome.NEEDS_REVIEW);
    }

    /** The rating the proposal amounts to if confirmed. */
    public Rating asRating() {
        Map<Regime, List<String>> entries = new EnumMap<>(Regime.class);
        regimes.forEach((regime, r) -> entries.put(regime, r.entries()));
        return new Rating(entries, riskTier);
    }
}
