package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class RegulationIndexTest {

    @Test
    void shippedTableMatchesRegulationReference() throws IOException {
        String markdown = Files.readString(RuleCatalogueTest.checkout().resolve("docs/reference/regulation.md"));
        assertThat(RegulationIndex.shipped().toCsv())
                .as("regulation-rules.csv is stale; rerun RegulationIndex main (see its Javadoc)")
                .isEqualTo(RegulationIndex.parse(markdown).toCsv());
    }

    @Test
    void keepsConfidenceTagsAndMarksRecollectionUnverified() {
        RegulationIndex index = RegulationIndex.shipped();
        assertThat(index.find("US-CG-D1")).get().satisfies(r -> {
            assertThat(r.tag()).isEqualTo("P");
            assertThat(r.unverified()).isFalse();
        });
        assertThat(index.find("EU-ART15"))
                .get()
                .satisfies(r -> assertThat(r.unverified()).isTrue());
        assertThat(index.find("US-ACE-1"))
                .get()
                .satisfies(r -> assertThat(r.section()).isEqualTo("3.2"));
        assertThat(index.find("PMP-IND-D4"))
                .get()
                .satisfies(r -> assertThat(r.unverified()).isTrue());
        assertThat(index.find("CASE-05"))
                .get()
                .satisfies(r -> assertThat(r.tag()).isEqualTo("S/R"));
        assertThat(index.find("CASE-01"))
                .get()
                .satisfies(r -> assertThat(r.unverified()).isFalse());
    }

    @Test
    void parsesBulletsTableRowsAndIgnoresNotFoundItems() {
        RegulationIndex index = RegulationIndex.parse("""
        ## 3. United States
        ### 3.2 ACE
        - **US-ACE-1 (E:1/E:2)** [P] — No ACE.
        - **PMP-IND-FINAL** — **NOT FOUND.**
        | US-EL-NSO | NSO Group (IL) | 86 FR 60760 | basis [S] | listed [P] |
        """);
        assertThat(index.rules()).extracting(RegulationRule::id).containsExactly("US-ACE-1", "US-EL-NSO");
        assertThat(index.find("US-EL-NSO"))
                .get()
                .satisfies(r -> assertThat(r.tag()).isEqualTo("P"));
    }
}
