package org.pallas.screening.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.NameMatcher;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.SharedData;

/**
 * Diffs every pairwise score against golden-scores.csv. If a change is intended, regenerate with
 * {@code screening-core/eval.sh --write-golden} and explain the moved scores in the commit message.
 */
class GoldenScoresTest {

    @Test
    void scoresEqualTheGoldenFile() throws Exception {
        List<String> golden;
        try (InputStream in = getClass().getResourceAsStream("/golden-scores.csv")) {
            assertThat(in).as("golden-scores.csv on the test classpath").isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        List<String> now = GoldenScores.compute(SharedData.evalFolder(), new NameMatcher(ScoringConfig.defaults()));
        List<String> diff = new ArrayList<>();
        for (int i = 0; i < Math.max(golden.size(), now.size()); i++) {
            String g = i < golden.size() ? golden.get(i) : "(missing)";
            String n = i < now.size() ? now.get(i) : "(missing)";
            if (!g.equals(n)) {
                diff.add("golden " + g + "\n   now " + n);
            }
        }
        assertThat(diff)
                .as("scores that moved (regenerate with eval.sh --write-golden and explain why)")
                .isEmpty();
        assertThat(golden).hasSizeGreaterThan(840);
    }
}
