package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

  /**
   * The checkout root. Surefire sets pallas.shared to {@code <checkout>/../shared}, so its parent is
   * {@code <checkout>/..} and the checkout is the path before the {@code ..}; otherwise walk up from user.dir.
   */
  static Path checkout() {
    String shared = System.getProperty("pallas.shared");
    if (shared != null) {
      Path parent = Path.of(shared).getParent();
      if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("..")) {
        Path candidate = parent.getParent();
        if (candidate != null && Files.exists(candidate.resolve("mvnw"))) {
          return candidate;
        }
      }
    }
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("policy-core"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the checkout from pallas.shared or user.dir");
  }

  @Test
  void committedCatalogueMatchesTheRulebook() throws IOException {
    Path committed = checkout().resolve("docs/rule-catalogue.md");
    assertThat(committed).as("docs/rule-catalogue.md; regenerate with ./mvnw -q -pl policy-core compile exec:java")
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
