package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every copied data file is attributed: SOURCES.md beside it names it with its SHA-256. */
class TestDataSourcesTest {

    @Test
    void sourcesNamesEveryCountryFileWithItsChecksum() throws Exception {
        Path folder = RuleCatalogueTest.checkout().resolve("policy-core/src/test/data/countries");
        String sources = Files.readString(folder.resolve("SOURCES.md"));
        for (String name : List.of("country-codes.csv", "wgidataset.csv", "ert.csv")) {
            String sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(name))));
            assertThat(sources)
                    .as(name)
                    .containsPattern("\\| `" + name.replace(".", "\\.") + "` \\|[^\\n]*\\| " + sha256 + " \\|");
        }
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("SOURCES.md", "country-codes.csv", "wgidataset.csv", "ert.csv");
        }
    }
}
