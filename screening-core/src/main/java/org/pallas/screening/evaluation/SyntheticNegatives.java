package org.pallas.screening.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two yente synthetic-negative files to screen, and whether they are the full ones (2 x 50,000 persons, 4 MB
 * each, not in the repository) or the in-repo extracts of every 50th row.
 */
public record SyntheticNegatives(Path global, Path us, boolean full) {

    /** The full files of the shared data folder {@code shared} if it holds them, else the extracts in {@code eval}. */
    public static SyntheticNegatives find(Path shared, Path eval) {
        Path fullEval = shared.resolve("data/sanctions/eval");
        Path global = fullEval.resolve("yente_negatives_synthetic_global_50k.csv");
        Path us = fullEval.resolve("yente_negatives_synthetic_us_50k.csv");
        if (Files.isRegularFile(global) && Files.isRegularFile(us)) {
            return new SyntheticNegatives(global, us, true);
        }
        return new SyntheticNegatives(
                eval.resolve("yente_negatives_synthetic_global_50k_every_50th.csv"),
                eval.resolve("yente_negatives_synthetic_us_50k_every_50th.csv"),
                false);
    }

    /** What to tell the user when {@code shared} lacks the full files. */
    public static String howToGetTheFullFiles(Path shared) {
        return "The full synthetic negatives are not in "
                + shared.toAbsolutePath().normalize()
                + "/data/sanctions/eval, so the in-repo extracts (every 50th row) are screened instead.\n"
                + "For the full files, pass --shared DIR (eval.sh: PALLAS_SHARED=DIR; benchmarks: -Dpallas.shared=DIR) "
                + "naming a folder with data/sanctions/eval/yente_negatives_synthetic_{global,us}_50k.csv: the files "
                + "contrib/candidate_generation_benchmark/fixtures/negatives_{global,us}.csv of "
                + "github.com/opensanctions/yente at commit 4e22c29a7ee348c50ce5cc33d83b2228dff711b3 "
                + "(see screening-core/src/test/data/sanctions/SOURCES.md).";
    }
}
