package org.pallas.screening.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pallas.screening.EntryKind;
import org.pallas.screening.NameMatcher;

/** The nomenklatura name bench: 826 labelled pairs scored pairwise (name1 is the query). */
public final class NameBench {
    /** One labelled pair and its score. */
    public record Case(
            int line,
            String group,
            String schema,
            String name1,
            String name2,
            boolean match,
            String quality,
            String category,
            double score) {}

    /** Precision, recall and F1 at one threshold. */
    public record Metrics(double threshold, int tp, int fp, int fn, int tn) {
        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private NameBench() {}

    static EntryKind kind(String schema) {
        return switch (schema) {
            case "Person" -> EntryKind.PERSON;
            case "Vessel" -> EntryKind.VESSEL;
            case "LegalEntity" -> EntryKind.ANY;
            default -> EntryKind.ORGANISATION;
        };
    }

    public static List<Case> run(Path csv, NameMatcher matcher) throws IOException {
        List<Case> out = new ArrayList<>();
        List<List<String>> rows = SimpleCsv.read(csv);
        for (int r = 1; r < rows.size(); r++) {
            List<String> f = rows.get(r);
            if (f.size() < 7) {
                throw new IOException(csv + ": row " + (r + 1) + " has " + f.size() + " columns, expected 8");
            }
            EntryKind kind = kind(f.get(1));
            double score = matcher.score(f.get(2), f.get(3), kind);
            out.add(new Case(
                    r + 1,
                    f.get(0),
                    f.get(1),
                    f.get(2),
                    f.get(3),
                    f.get(4).equalsIgnoreCase("true"),
                    f.get(5),
                    f.get(6),
                    score));
        }
        return out;
    }

    public static Metrics metrics(List<Case> cases, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Case c : cases) {
            boolean alert = c.score() >= threshold;
            if (alert && c.match()) {
                tp++;
            } else if (alert) {
                fp++;
            } else if (c.match()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Metrics(threshold, tp, fp, fn, tn);
    }

    /** STRONG-tier pairs decided wrongly at the threshold (P0 bugs in nomenklatura's protocol). */
    public static List<Case> strongFailures(List<Case> cases, double threshold) {
        return cases.stream()
                .filter(c -> c.quality().toUpperCase(Locale.ROOT).equals("STRONG"))
                .filter(c -> (c.score() >= threshold) != c.match())
                .toList();
    }
}
