package org.pallas.screening;

/**
 * Every number the scoring model uses, documented in {@code docs/screening-scoring.md}. The defaults
 * are the calibrated values; a deployment may change the alert threshold.
 *
 * @param alertThreshold        a match alerts when its score is at least this
 * @param reportFloor           matches below this score are not returned at all
 * @param unmatchedQueryWeight  share of its weight an unmatched query token keeps in the denominator
 * @param unmatchedListedWeight share of its weight an unmatched listed token keeps in the denominator
 * @param extraPartWeight       share an unmatched token keeps, on either side, when the other name is wholly
 *                              contained in its name (at least two words paired): further names of the party
 * @param numberMismatchFactor  multiplier when both names contain numbers that do not all agree
 * @param initialsOnlyCap       highest score of a person name written in initials only against a full name
 * @param orderPenaltyFactor    multiplier when person-name parts are permuted (not merely rotated)
 * @param weakAliasScore        score of an exact match on a weak alias (weak aliases never match fuzzily)
 * @param weakOneWordAliasScore score of an exact match on a weak alias of one word (does not alert alone)
 * @param commonNameFactor      multiplier of a partial match whose query words are all common in the lists
 * @param commonNameCount       a word is common when at least this many listed names contain it
 * @param countryMatch          added when query and entry share a country
 * @param countryMismatch       added (negative) when both state countries and none agree
 * @param birthDateDay          added when a birth date agrees to the day
 * @param birthDateCompatible   added when a birth date agrees as far as both are known
 * @param birthYearMismatch     added (negative) when no listed birth year agrees
 * @param birthDayMismatch      added (negative) when the year agrees but month or day contradict
 * @param strongIdentifierScore score floor when a strong identifier (IMO, LEI, passport, ...) agrees
 * @param identifierMatch       added when a weaker identifier agrees
 * @param candidates            names scored per query after index retrieval
 */
public record ScoringConfig(
        double alertThreshold,
        double reportFloor,
        double unmatchedQueryWeight,
        double unmatchedListedWeight,
        double extraPartWeight,
        double numberMismatchFactor,
        double initialsOnlyCap,
        double orderPenaltyFactor,
        double weakAliasScore,
        double weakOneWordAliasScore,
        double commonNameFactor,
        int commonNameCount,
        double countryMatch,
        double countryMismatch,
        double birthDateDay,
        double birthDateCompatible,
        double birthYearMismatch,
        double birthDayMismatch,
        double strongIdentifierScore,
        double identifierMatch,
        int candidates) {

    public ScoringConfig {
        if (alertThreshold <= 0 || alertThreshold > 1 || reportFloor < 0 || reportFloor > alertThreshold) {
            throw new IllegalArgumentException(
                    "need 0 <= reportFloor <= alertThreshold <= 1, got " + reportFloor + " and " + alertThreshold);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }

    /** The calibrated defaults (see docs/screening-evaluation.md). */
    public static ScoringConfig defaults() {
        return new ScoringConfig(
                0.80, 0.50, 0.5, 0.3, 0.2, 0.5, 0.6, 0.75, 0.85, 0.70, 0.90, 150, 0.03, -0.15, 0.05, 0.02, -0.15, -0.10,
                0.95, 0.10, 120);
    }

    public ScoringConfig withAlertThreshold(double threshold) {
        return new ScoringConfig(
                threshold,
                Math.min(reportFloor, threshold),
                unmatchedQueryWeight,
                unmatchedListedWeight,
                extraPartWeight,
                numberMismatchFactor,
                initialsOnlyCap,
                orderPenaltyFactor,
                weakAliasScore,
                weakOneWordAliasScore,
                commonNameFactor,
                commonNameCount,
                countryMatch,
                countryMismatch,
                birthDateDay,
                birthDateCompatible,
                birthYearMismatch,
                birthDayMismatch,
                strongIdentifierScore,
                identifierMatch,
                candidates);
    }
}
