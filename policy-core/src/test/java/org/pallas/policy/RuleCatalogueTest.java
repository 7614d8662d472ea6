package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    /** The checkout: Surefire sets {@code pallas.checkout}; otherwise the parent of the module directory. */
    static Path checkout() {
        return Path.of(System.getProperty("pallas.checkout", ".."))
                .toAbsolutePath()
                .normalize();
    }

    @Test
    void committedCatalogueMatchesTheRulebook() throws IOException {
        Path committed = checkout().resolve("docs/rule-catalogue.md");
        assertThat(committed)
                .as("docs/rule-catalogue.md; regenerate with ./mvnw -q -pl policy-core compile exec:java")
                .exists();
        assertThat(Files.readString(committed))
                .as("docs/rule-catalogue.md is stale; regenerate with ./mvnw -q -pl policy-core compile exec:java")
                .isEqualTo(RuleCatalogue.render(Fixtures.ENGINE.rulebook()));
    }

    @Test
    void catalogueNamesVersionHashEveryRuleAndMarksUnverifiedRules() {
        Rulebook rulebook = Fixtures.ENGINE.rulebook();
        String md = RuleCatalogue.render(rulebook);
        assertThat(md).contains(rulebook.version(), rulebook.contentHash());
        rulebook.rules().forEach(r -> assertThat(md).contains("### " + r.id()));
        assertThat(md).contains("| EU-ART15 | R (unverified) |");
    }
}
