package org.pallas.screening.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pallas.screening.SharedData;

class SyntheticNegativesTest {

    @Test
    void fallsBackToTheInRepoExtractsAndSaysWhereTheFullNegativesComeFrom(@TempDir Path noShared) {
        SyntheticNegatives negatives = SyntheticNegatives.find(noShared, SharedData.evalFolder());
        assertThat(negatives.full()).isFalse();
        assertThat(negatives.global())
                .isEqualTo(SharedData.eval("yente_negatives_synthetic_global_50k_every_50th.csv"))
                .isRegularFile();
        assertThat(negatives.us())
                .isEqualTo(SharedData.eval("yente_negatives_synthetic_us_50k_every_50th.csv"))
                .isRegularFile();
        assertThat(SyntheticNegatives.howToGetTheFullFiles(noShared))
                .contains(noShared.toString())
                .contains("--shared DIR")
                .contains("github.com/opensanctions/yente")
                .contains("4e22c29a7ee348c50ce5cc33d83b2228dff711b3");
    }

    @Test
    void screensTheFullNegativesWhenTheSharedFolderHoldsThem(@TempDir Path shared) throws Exception {
        Path eval = Files.createDirectories(shared.resolve("data/sanctions/eval"));
        Files.writeString(eval.resolve("yente_negatives_synthetic_global_50k.csv"), "full_name\n");
        Files.writeString(eval.resolve("yente_negatives_synthetic_us_50k.csv"), "full_name\n");
        SyntheticNegatives negatives = SyntheticNegatives.find(shared, SharedData.evalFolder());
        assertThat(negatives.full()).isTrue();
        assertThat(negatives.global()).isEqualTo(eval.resolve("yente_negatives_synthetic_global_50k.csv"));
        assertThat(negatives.us()).isEqualTo(eval.resolve("yente_negatives_synthetic_us_50k.csv"));
    }
}
