package org.pallas.classification.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReferenceDataLoaderTest {

    private static String bundledText() {
        try (InputStream in = ReferenceData.class.getResourceAsStream(ReferenceData.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReferenceData load(String text) {
        return ReferenceDataLoader.load(text.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private static int lineOf(String text, String needle) {
        int index = text.indexOf(needle);
        assertThat(index).as("fixture contains " + needle).isGreaterThanOrEqualTo(0);
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void bundledDataHoldsEveryEntryTheMarketNeeds() {
        ReferenceData data = ReferenceData.bundled();
        assertThat(data.entries().stream().map(ControlEntry::code))
                .containsExactly(
                        "4A005", "4D001.a", "4D004", "4E001.a", "4E001.c", "5A001.f", "5A001.j", "5B001.a", "5D001.a",
                        "5D001.c", "5D001.e", "5E001.a");
        assertThat(data.notes().stream().map(ReferenceNote::id))
                .contains(
                        "intrusion-software",
                        "is-exclusion-tools",
                        "is-exclusion-drm",
                        "is-exclusion-asset-tracking",
                        "4d004-software-updates",
                        "4e001-vulnerability-disclosure",
                        "5a001j-marketing-qos",
                        "5a001f-exclusions",
                        "public-domain",
                        "eu-cyber-surveillance-item",
                        "us-ace");
        for (ControlEntry entry : data.entries()) {
            assertThat(entry.summary()).as(entry.code()).isNotBlank();
            assertThat(entry.citations()).as(entry.code()).containsOnlyKeys(entry.regimes());
            assertThat(entry.us()).as(entry.code()).isPresent();
        }
    }

    @Test
    void everyRuleIdAndConfidenceTagMatchesRegulationMd() throws IOException {
        // the checkout: Surefire sets pallas.checkout; otherwise the parent of the module directory
        Path checkout = Path.of(System.getProperty("pallas.checkout", ".."));
        String regulation = Files.readString(checkout.resolve("docs/reference/regulation.md"));
        Map<String, String> tags = new HashMap<>();
        Matcher m = Pattern.compile("\\*\\*([A-Z][A-Z0-9.-]+)(?: \\([^)]*\\))?\\*\\* \\[([^\\]]+)\\]")
                .matcher(regulation);
        while (m.find()) {
            tags.put(m.group(1), m.group(2));
        }
        for (RuleRef rule : ReferenceData.bundled().rules()) {
            if (rule.id().startsWith("CASE-")) {
                // Documented misuse cases live in a table without tags; they are research findings.
                assertThat(regulation).as(rule.id()).contains("| " + rule.id() + " |");
            } else if (rule.tag().equals("derived")) {
                // The PMP-IND-D* vendor checks are marked "derived, not sourced" in regulation.md.
                assertThat(regulation)
                        .contains("derived, not sourced")
                        .contains("**" + rule.id().substring(8) + "**");
            } else {
                assertThat(tags).as(rule.id()).containsEntry(rule.id(), rule.tag());
            }
        }
    }

    @Test
    void entriesRestingOnRecollectionRulesAreUnverified() {
        ReferenceData data = ReferenceData.bundled();
        assertThat(data.rule("WA-DEF-HARDSEL").unverified()).isTrue();
        assertThat(data.entry("5A001.j").unverified()).isTrue();
        assertThat(data.entry("4D004").unverified()).isFalse();
        assertThat(data.note("cyber-incident-response").orElseThrow().unverified())
                .isTrue();
        assertThat(data.note("vulnerability-disclosure").orElseThrow().unverified())
                .isFalse();
    }

    @Test
    void usSideCarriesReasonsForControlAndAceApplicability() {
        ReferenceData data = ReferenceData.bundled();
        UsControl c4d004 = data.entry("4D004").us().orElseThrow();
        assertThat(c4d004.reasons()).containsExactly("NS1", "AT");
        assertThat(c4d004.ace()).isEqualTo(AceApplicability.YES);
        assertThat(c4d004.reasonsUnverified()).isFalse();
        assertThat(data.entry("5A001.j").us().orElseThrow().reasons()).containsExactly("NS2", "AT");
        assertThat(data.entry("5A001.f").us().orElseThrow().ace()).isEqualTo(AceApplicability.NO);
        assertThat(data.entry("5A001.f").us().orElseThrow().slSubparagraphs()).containsExactly("f.1");
        assertThat(data.entry("5D001.c").us().orElseThrow().ace()).isEqualTo(AceApplicability.ONLY_FOR_5A001J);
        assertThat(data.entry("4D004").citation(Regime.EU)).isEqualTo("Reg. (EU) 2021/821 Annex I 4D004");
    }

    @Test
    void hashIsTheSha256OfTheBytesAndChangesWithTheContent() throws Exception {
        String text = bundledText();
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(ReferenceData.bundled().sha256()).isEqualTo(expected);
        assertThat(load(text.replace("Hardware systems, equipment", "Hardware systems and equipment"))
                        .sha256())
                .isNotEqualTo(expected);
        assertThat(ReferenceData.bundled().version()).isEqualTo("2026.11-1");
    }

    @Test
    void rejectsUnknownRuleIdNamingItsLine() {
        String text = bundledText();
        String broken = text.replaceFirst("rules: \\[WA-4D004, WA-IS-NOTCTRL\\]", "rules: [WA-4D004, WA-4D999]");
        int line = lineOf(broken, "rules: [WA-4D004, WA-4D999]");
        assertThatThrownBy(() -> load(broken))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("line " + line + ": entries[2] (4D004).rules: unknown rule ID WA-4D999");
    }

    @Test
    void rejectsMissingFieldsAndBadValuesAllAtOnce() {
        String text = bundledText();
        String broken = text.replaceFirst("\n    summary: The platform that builds[^\n]*", "")
                .replaceFirst("  WA-DEF-MON: S", "  WA-DEF-MON: Q")
                .replaceFirst("effective_from: 2019-12-06", "effective_from: December 2019")
                .replaceFirst("ace: only_for_5a001j", "ace: sometimes");
        var problems = catchProblems(broken);
        assertThat(problems)
                .anyMatch(p -> p.matches("line \\d+: entries\\[2\\] \\(4D004\\)\\.summary: required field missing"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("line " + lineOf(broken, "WA-DEF-MON: Q") + ": rules.WA-DEF-MON:"
                        + " confidence tag must be one of"));
        assertThat(problems)
                .anyMatch(p -> p.contains(
                        "(5D001.e).effective_from: expected a date like 2026-11-27, got" + " 'December 2019'"));
        assertThat(problems).anyMatch(p -> p.contains(".us.ace: expected yes, only_for_5a001j or no, got 'sometimes'"));
    }

    @Test
    void rejectsCitationsThatDoNotMatchTheRegimes() {
        String broken = bundledText()
                .replaceFirst("citation: Wassenaar Dual-Use List 4.A.5; ", "citation: Wassenaar Dual-Use List 4.A.5, ");
        assertThat(catchProblems(broken))
                .anyMatch(p ->
                        p.contains("entries[0] (4A005).citation: give one citation per" + " regime [WA, EU, UK, US]"));
    }

    @Test
    void rejectsNotesThatApplyToUnknownEntries() {
        String broken = bundledText().replaceFirst("applies_to: \\[5A001.j\\]", "applies_to: [5A001.z]");
        assertThat(catchProblems(broken)).anyMatch(p -> p.contains("applies_to: unknown entry code 5A001.z"));
    }

    @Test
    void rejectsYamlSyntaxErrorsAndDuplicateKeys() {
        assertThatThrownBy(() -> load("version: [unclosed"))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("YAML syntax");
        String duplicated = bundledText().replaceFirst("version: \"2026.11-1\"", "version: \"2026.11-1\"\nversion: x");
        assertThatThrownBy(() -> load(duplicated))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("duplicate key");
    }

    private static List<String> catchProblems(String text) {
        try {
            load(text);
        } catch (ReferenceDataException e) {
            return e.problems();
        }
        throw new AssertionError("expected the broken data to be rejected");
    }
}
