package org.pallas.screening;

import java.util.List;
import java.util.Locale;

/**
 * Secondary attributes adjust the name score (docs/screening-scoring.md §3). They are applied only
 * when both the query and the entry state the attribute; a missing attribute is never evidence.
 */
final class Qualifiers {
    /** The adjusted score and how many qualifiers confirmed the match (for ordering ties). */
    record Outcome(double score, int confirmations) {}

    private Qualifiers() {}

    static Outcome apply(double nameScore, ScreeningQuery q, ListEntry e, ScoringConfig c, List<String> explain) {
        double score = nameScore;
        int confirmations = 0;
        if (q.country() != null && !e.countries().isEmpty()) {
            if (e.countries().contains(q.country())) {
                score += c.countryMatch();
                confirmations++;
                note(explain, "country %s is among the listed %s: %+.2f", q.country(), e.countries(), c.countryMatch());
            } else {
                score += c.countryMismatch();
                note(
                        explain,
                        "country %s is not among the listed %s: %+.2f",
                        q.country(),
                        e.countries(),
                        c.countryMismatch());
            }
        }
        if (q.birthDate() != null && !e.birthDates().isEmpty()) {
            PartialDate d = q.birthDate();
            boolean sameDay = e.birthDates().stream().anyMatch(d::sameDay);
            boolean compatible = e.birthDates().stream().anyMatch(d::compatibleWith);
            boolean sameYear = e.birthDates().stream().anyMatch(x -> x.year() == d.year());
            if (sameDay) {
                score += c.birthDateDay();
                confirmations++;
                note(explain, "birth date %s agrees to the day: %+.2f", d, c.birthDateDay());
            } else if (compatible) {
                score += c.birthDateCompatible();
                confirmations++;
                note(
                        explain,
                        "birth date %s agrees with listed %s as far as known: %+.2f",
                        d,
                        e.birthDates(),
                        c.birthDateCompatible());
            } else if (sameYear) {
                score += c.birthDayMismatch();
                note(
                        explain,
                        "birth date %s has the listed year but contradicts month or day %s: %+.2f",
                        d,
                        e.birthDates(),
                        c.birthDayMismatch());
            } else {
                score += c.birthYearMismatch();
                note(
                        explain,
                        "birth year %d contradicts the listed %s: %+.2f",
                        d.year(),
                        e.birthDates(),
                        c.birthYearMismatch());
            }
        }
        for (String given : q.identifiers()) {
            List<String> forms = Identifier.comparableForms(given);
            if (forms.get(0).isEmpty()) {
                continue;
            }
            for (Identifier id : e.identifiers()) {
                if (!forms.contains(id.comparable())) {
                    continue;
                }
                confirmations++;
                if (id.strong()) {
                    if (score < c.strongIdentifierScore()) {
                        note(
                                explain,
                                "%s %s matches exactly (strong identifier): score raised to %.2f",
                                id.type(),
                                id.value(),
                                c.strongIdentifierScore());
                        score = c.strongIdentifierScore();
                    } else {
                        note(explain, "%s %s matches exactly (strong identifier)", id.type(), id.value());
                    }
                } else {
                    score += c.identifierMatch();
                    note(explain, "%s %s matches exactly: %+.2f", id.type(), id.value(), c.identifierMatch());
                }
            }
        }
        return new Outcome(Math.max(0.0, Math.min(1.0, score)), confirmations);
    }

    private static void note(List<String> explain, String format, Object... args) {
        if (explain != null) {
            explain.add(String.format(Locale.ROOT, format, args));
        }
    }
}
