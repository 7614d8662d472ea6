package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulebookLoaderTests {

    private static final String MANIFEST = """
      version: test-1
      thresholds:
        standard: 10
        enhancedReview: 40
        presumptionOfDenial: 100
      files:
        - rules.yaml
      """;

    private static final String GOOD_RULE = """
      rules:
        - id: RF-TEST-TIER
          title: Tier test
          implements: [EUREC-DD-1]
          scope: application
          reads: [product.riskTier]
          when: product.riskTier >= 3
          effect: RED_FLAG
          weight: 15
          explanation: Tier {product.riskTier}.
      """;

    @TempDir
    Path dir;

    private Rulebook load(String rules) throws IOException {
        Files.writeString(dir.resolve("rulebook.yaml"), MANIFEST);
        Files.writeString(dir.resolve("rules.yaml"), rules);
        return Rulebook.load(dir);
    }

    private void assertRejected(String rules, String... messageParts) {
        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(RulebookException.class)
                .satisfies(e -> assertThat(String.join("\n", ((RulebookException) e).problems()))
                        .contains(messageParts));
    }

    @Test
    void loadsShippedRulebookWithVersionAndSha256ContentHash() {
        Rulebook shipped = Fixtures.ENGINE.rulebook();
        assertThat(shipped.version()).isNotBlank();
        assertThat(shipped.contentHash()).matches("[0-9a-f]{64}");
        assertThat(shipped.rules()).hasSizeGreaterThan(40);
        assertThat(shipped.rules()).extracting(Rule::effect).contains(Effect.values());
    }

    @Test
    void loadsAValidRuleFromADirectory() throws IOException {
        Rulebook rulebook = load(GOOD_RULE);
        assertThat(rulebook.version()).isEqualTo("test-1");
        assertThat(rulebook.rules()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("rules.yaml:2");
            assertThat(r.implementsIds()).extracting(Citation::id).containsExactly("EUREC-DD-1");
            assertThat(r.weight()).isEqualTo(15);
        });
    }

    @Test
    void contentHashChangesWhenARuleChangesAndNotOtherwise() throws IOException {
        String first = load(GOOD_RULE).contentHash();
        assertThat(load(GOOD_RULE).contentHash()).isEqualTo(first);
        assertThat(load(GOOD_RULE.replace("weight: 15", "weight: 16")).contentHash())
                .isNotEqualTo(first);
    }

    @Test
    void namesTheHashOfEveryFileThatGoesIntoTheContentHash() throws IOException {
        Rulebook first = load(GOOD_RULE);
        assertThat(first.fileHashes().keySet())
                .startsWith("rulebook.yaml", "rules.yaml")
                .contains("countries.csv", "embargoes.csv", "misuse-cases.yaml", "regulation-rules.csv");
        assertThat(first.fileHashes().values()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        Rulebook changed = load(GOOD_RULE.replace("weight: 15", "weight: 16"));
        assertThat(changed.fileHashes().get("rules.yaml"))
                .isNotEqualTo(first.fileHashes().get("rules.yaml"));
        assertThat(changed.fileHashes().get("rulebook.yaml"))
                .isEqualTo(first.fileHashes().get("rulebook.yaml"));
    }

    @Test
    void rejectsUnknownFactWithFileAndLine() {
        assertRejected(
                GOOD_RULE.replace("reads: [product.riskTier]", "reads: [product.riskTier, product.colour]"),
                "rules.yaml:6: rule RF-TEST-TIER reads unknown fact 'product.colour'");
    }

    @Test
    void rejectsPartyFactInApplicationScope() {
        assertRejected(
                GOOD_RULE
                        .replace("reads: [product.riskTier]", "reads: [product.riskTier, party.name]")
                        .replace("Tier {product.riskTier}.", "Tier {product.riskTier} {party.name}."),
                "reads unknown fact 'party.name' (not available in scope application)");
    }

    @Test
    void rejectsCelCompileError() {
        assertRejected(
                GOOD_RULE.replace("when: product.riskTier >= 3", "when: product.riskTier >= 3.0"),
                "rules.yaml:7: rule RF-TEST-TIER: CEL error",
                "found no matching overload");
    }

    @Test
    void rejectsConditionUsingAFactMissingFromReads() {
        assertRejected(
                GOOD_RULE.replace("when: product.riskTier >= 3", "when: product.riskTier >= 3 && exporter.icp"),
                "condition uses facts missing from 'reads': exporter.icp");
    }

    @Test
    void rejectsNonBooleanCondition() {
        assertRejected(
                GOOD_RULE.replace("when: product.riskTier >= 3", "when: product.riskTier + 1"),
                "condition must be boolean");
    }

    @Test
    void rejectsRuleIdMissingFromRegulationReference() {
        assertRejected(
                GOOD_RULE.replace("implements: [EUREC-DD-1]", "implements: [EUREC-DD-1, EU-ART99]"),
                "implements unknown rule ID 'EU-ART99' (not in regulation.md)");
    }

    @Test
    void rejectsUnknownKeyWithItsLine() {
        assertRejected(
                GOOD_RULE.replace("    weight: 15\n", "    weight: 15\n    severity: high\n"),
                "rules.yaml:10: unknown key 'severity'");
    }

    @Test
    void rejectsRedFlagWithoutWeightAndReferralWithWeight() {
        assertRejected(GOOD_RULE.replace("    weight: 15\n", ""), "effect RED_FLAG needs 'weight'");
        assertRejected(
                GOOD_RULE.replace("effect: RED_FLAG", "effect: REFER"),
                "effect REFER needs 'team'",
                "'weight' does not apply to effect REFER");
    }

    @Test
    void rejectsExplanationPlaceholderTheRuleDoesNotRead() {
        assertRejected(
                GOOD_RULE.replace("Tier {product.riskTier}.", "Tier {product.riskTier} for {endUse.category}."),
                "explanation uses {endUse.category}, which the rule does not read");
    }

    @Test
    void rejectsDeclaredFactTheRuleNeverUses() {
        assertRejected(
                GOOD_RULE.replace("reads: [product.riskTier]", "reads: [product.riskTier, exporter.icp]"),
                "rule reads 'exporter.icp' but neither its condition nor its explanation uses it");
    }

    @Test
    void rejectsDuplicateRuleIds() {
        String twice = GOOD_RULE + GOOD_RULE.substring(GOOD_RULE.indexOf("  - id"));
        assertRejected(twice, "duplicate rule id RF-TEST-TIER");
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        String second = GOOD_RULE
                .substring(GOOD_RULE.indexOf("  - id"))
                .replace("RF-TEST-TIER", "RF-TEST-OTHER")
                .replace("product.riskTier >= 3", "product.riskTier >= 'x'");
        String both = GOOD_RULE.replace("[EUREC-DD-1]", "[NOPE-1]") + second;
        assertThatThrownBy(() -> load(both))
                .isInstanceOf(RulebookException.class)
                .satisfies(e -> assertThat(((RulebookException) e).problems())
                        .hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("RF-TEST-TIER implements unknown rule ID 'NOPE-1'"))
                        .anySatisfy(p -> assertThat(p).contains("rule RF-TEST-OTHER: CEL error")));
    }

    @Test
    void rejectsInvalidYamlAndMissingFiles() throws IOException {
        assertRejected("rules: [", "rules.yaml: not valid YAML");
        Files.writeString(dir.resolve("rulebook.yaml"), MANIFEST.replace("rules.yaml", "absent.yaml"));
        assertThatThrownBy(() -> Rulebook.load(dir))
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("absent.yaml: file not found");
    }

    @Test
    void rejectsThresholdsThatDoNotIncrease() throws IOException {
        Files.writeString(dir.resolve("rulebook.yaml"), MANIFEST.replace("enhancedReview: 40", "enhancedReview: 5"));
        Files.writeString(dir.resolve("rules.yaml"), GOOD_RULE);
        assertThatThrownBy(() -> Rulebook.load(dir)).hasMessageContaining("thresholds must increase");
    }

    @Test
    void marksRulesCitingRecollectionTaggedIdsAsUnverified() throws IOException {
        Rulebook rulebook = load(GOOD_RULE.replace("[EUREC-DD-1]", "[EUREC-DD-1, EUREC-RF-INFO]"));
        Rule rule = rulebook.rules().get(0);
        assertThat(rule.unverified()).isTrue();
        assertThat(rule.implementsIds())
                .filteredOn(Citation::unverified)
                .extracting(Citation::id)
                .containsExactly("EUREC-RF-INFO");
    }
}
