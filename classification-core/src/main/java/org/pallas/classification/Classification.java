package org.pallas.classification;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.reference.Regime;

/**
 * The result of classifying one description against one version of the reference data. Equal inputs
 * and the same reference data give an equal result; record {@link #referenceDataVersion()} and
 * {@link #referenceDataSha256()} with any decision based on it.
 */
public record Classification(
        String referenceDataVersion,
        String referenceDataSha256,
        CapabilityDescription description,
        Map<Regime, RegimeClassification> regimes,
        CatchAllAssessment euArticle5,
        AceAssessment usAce,
        RiskAssessment risk) {

    public RegimeClassification regime(Regime regime) {
        return regimes.get(regime);
    }

    /** Open questions across regimes and flags, de-duplicated, in first-seen order. */
    public List<OpenQuestion> openQuestions() {
        return Stream.of(
                        regimes.values().stream().flatMap(r -> r.openQuestions().stream()),
                        euArticle5.openQuestions().stream(),
                        usAce.openQuestions().stream())
                .flatMap(s -> s)
                .distinct()
                .toList();
    }
}
