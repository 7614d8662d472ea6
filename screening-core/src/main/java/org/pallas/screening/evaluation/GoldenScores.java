package org.pallas.screening.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pallas.screening.NameMatcher;

/**
 * The golden-score file: every name-bench pair and cross-script pair with its score to four decimals.
 * A test recomputes and diffs it, so any change of a score is seen and must be explained in the commit
 * that regenerates it ({@code screening-core/eval.sh --write-golden}).
 */
public final class GoldenScores {
    public static final String HEADER = "set,line,query,listed,score";

    private GoldenScores() {}

    /** The rows for the name bench and the cross-script pairs in {@code eval} (the evaluation-set folder). */
    public static List<String> compute(Path eval, NameMatcher matcher) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (NameBench.Case c : NameBench.run(eval.resolve("nomenklatura_name_bench_cases.csv"), matcher)) {
            lines.add(row("name-bench", c.line(), c.name1(), c.name2(), c.score()));
        }
        int i = 0;
        for (Screenings.CrossScript c :
                Screenings.crossScript(eval.resolve("watchman_cross_script_pairs.csv"), matcher)) {
            lines.add(row("cross-script", ++i, c.query(), c.expected(), c.score()));
        }
        return lines;
    }

    private static String row(String set, int line, String query, String listed, double score) {
        return String.join(
                ",", set, String.valueOf(line), quote(query), quote(listed), String.format(Locale.ROOT, "%.4f", score));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
