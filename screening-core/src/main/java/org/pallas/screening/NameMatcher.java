package org.pallas.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pairwise name comparison, the same model {@link ScreeningIndex} applies to its candidates. Used by
 * the evaluation harness and wherever two names must be compared without an index. Thread-safe.
 */
public final class NameMatcher {
    private final ScoringConfig config;
    private final NameNormaliser normaliser = NameNormaliser.standard();

    public NameMatcher(ScoringConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The name score in [0, 1] of {@code query} against the listed name {@code listed}. */
    public double score(String query, String listed, EntryKind kind) {
        double best = scoreAsWritten(query, listed, kind);
        String joined = NameNormaliser.joinedVariant(InvisibleCharacters.remove(query));
        // "Intel-lexa": punctuation inside a word must not hide "Intellexa"
        return joined == null ? best : Math.max(best, scoreAsWritten(joined, listed, kind));
    }

    private double scoreAsWritten(String query, String listed, EntryKind kind) {
        NormalisedName q = normaliser.normalise(query, kind);
        double best = NameScorer.score(q, normaliser.normalise(listed, kind), kind, config);
        // "Al-Qa'ida/Islamic Army": a slash separates alternative names written as one
        if (listed.indexOf('/') > 0) {
            for (String part : listed.split("/")) {
                if (!part.isBlank()) {
                    best = Math.max(best, NameScorer.score(q, normaliser.normalise(part, kind), kind, config));
                }
            }
        }
        return best;
    }

    /** The readable steps behind {@link #score}. */
    public List<String> explain(String query, String listed, EntryKind kind) {
        List<String> out = new ArrayList<>();
        NameScorer.score(normaliser.normalise(query, kind), normaliser.normalise(listed, kind), kind, config, out);
        return out;
    }
}
