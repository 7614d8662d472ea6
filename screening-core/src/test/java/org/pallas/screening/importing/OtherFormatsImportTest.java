package org.pallas.screening.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ImportProgress;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;
import org.pallas.screening.ListedName;
import org.pallas.screening.NameQuality;
import org.pallas.screening.SharedData;

class OtherFormatsImportTest {
    private final ListImporter importer = new ListImporter(SharedData.CLOCK, ImportProgress.NONE);

    private ListVersion importText(ListFormat format, String text) throws ListImportException {
        return importer.importInputs(
                format, "TEST", null, List.of(ListImporter.Input.of("list", text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void importsTheDeniedPersonsListIgnoringAFutureUpdateDate() throws Exception {
        ListVersion dpl = SharedData.bundled("US-BIS-DPL");
        assertThat(dpl.report().count("rows")).isEqualTo(665);
        assertThat(dpl.entries()).allMatch(e -> e.kind() == EntryKind.ANY);
        // line 316 has Last_Update 3033-09-30: a typo that must not become the list's date
        assertThat(dpl.report().publishedOn()).isBefore(LocalDate.of(2024, 1, 1));
        assertThat(dpl.report().notes()).anyMatch(n -> n.contains("3033-09-30"));
        assertThat(dpl.activeEntries().size()).isGreaterThan(400);
    }

    @Test
    void importsTheConsolidatedScreeningListAndReportsItsRepeatedHeaderAndCutOffLastRow() throws Exception {
        ListVersion csl = SharedData.bundled("US-CSL");
        assertThat(csl.report().count("rows")).isEqualTo(4_227);
        assertThat(csl.entries()).hasSize(4_226);
        assertThat(csl.report().malformations())
                .extracting(m -> m.line() + " " + m.reason())
                .containsExactly(
                        "2 repeated header row (skipped)",
                        "4233 record cut off by the end of the file: a quoted field opened on line 4233 is never closed");
        ListEntry vtb = csl.entries().stream()
                .filter(e -> e.id().equals("17013"))
                .findFirst()
                .orElseThrow();
        assertThat(vtb.kind()).isEqualTo(EntryKind.ORGANISATION);
        assertThat(vtb.countries()).containsExactly("RU");
        assertThat(vtb.identifiers())
                .extracting(i -> i.type() + " " + i.value())
                .contains("SWIFT/BIC VTBRRUMM", "Tax ID No. 7702070139")
                .noneMatch(i -> i.startsWith("Executive Order") || i.startsWith("Website"));
    }

    @Test
    void importsScreenableFollowTheMoneyEntitiesAndCountsTheRest() throws Exception {
        ListVersion ftm = importer.importList(
                ListFormat.FTM_JSON_LINES,
                "OS-SAMPLE",
                List.of(SharedData.testOnlyLists().resolve("opensanctions_ftm_sample_zala.ftm.json")));
        assertThat(ftm.report().count("entries.person")).isEqualTo(6);
        assertThat(ftm.report().count("entries.organisation")).isEqualTo(11);
        assertThat(ftm.report().count("skipped.schema.Sanction")).isEqualTo(41);
        assertThat(ftm.report().count("rows")).isEqualTo(91);
        ListEntry osetrova = ftm.entries().stream()
                .filter(e -> e.id().equals("NK-2Tbri3s6GgNtAwsSXh4qpL"))
                .findFirst()
                .orElseThrow();
        assertThat(osetrova.names()).extracting(ListedName::script).contains("Cyrillic", "Latin");
        assertThat(osetrova.countries()).contains("RU");
        assertThat(osetrova.birthDates()).hasSize(1);
    }

    @Test
    void reportsInvalidJsonLinesWithTheirLineNumber() throws Exception {
        ListVersion v = importText(ListFormat.FTM_JSON_LINES, """
                {"id": "a", "schema": "Person", "properties": {"name": ["Anna Example"], "weakAlias": ["Ann"]}}
                {"id": "b", "schema": "Person", "properties": {"name": ["Broken]}}
                {"id": "c", "schema": "Person", "properties": {}}
                """);
        assertThat(v.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.names())
                        .extracting(ListedName::quality)
                        .containsExactly(NameQuality.STRONG, NameQuality.WEAK));
        assertThat(v.report().malformations())
                .extracting(m -> m.line() + " " + m.reason())
                .containsExactly("2 invalid JSON at column 67: unterminated string", "3 Person c has no name");
    }

    @Test
    void importsTheSpywareFixtureWithItsDelistings() throws Exception {
        ListVersion spyware = SharedData.bundled("PALLAS-SPYWARE");
        assertThat(spyware.entries()).hasSize(18);
        assertThat(spyware.report().publishedOn()).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(spyware.activeEntries())
                .extracting(ListEntry::id)
                .doesNotContain("EL-SANDVINE", "OFAC-CYBER2-HAMOU", "OFAC-CYBER2-GAMBAZZI", "OFAC-CYBER2-HARPAZ")
                .contains("EL-NSO", "EL-CANDIRU", "OFAC-CYBER2-DILIAN");
        ListEntry candiru = spyware.entries().stream()
                .filter(e -> e.id().equals("EL-CANDIRU"))
                .findFirst()
                .orElseThrow();
        assertThat(candiru.source()).isEqualTo("US-EL");
        assertThat(candiru.names()).hasSize(8);
    }

    @Test
    void reportsEachBrokenProjectCsvRowWithItsLine() throws Exception {
        String header = String.join(",", ProjectCsvParser.HEADER);
        ListVersion v = importText(
                ListFormat.PROJECT_CSV,
                header + "\n"
                        + "US-EL,A,organisation,Alpha Ltd,,GB,EL,2024-01-01,,cite,\n"
                        + "US-EL,B,company-ish,Beta,,GB,EL,2024-01-01,,cite,\n"
                        + "US-EL,C,person,Gamma,,,EL,2024-13-01,,cite,\n"
                        + "US-EL,D,person,Delta,,,EL,2024-01-01,2023-01-01,cite,\n"
                        + "US-EL,A,organisation,Alpha again,,GB,EL,2024-01-01,,cite,\n"
                        + "US-EL,E,organisation,Epsilon,,Greece,EL,2024-01-01,,cite,\n"
                        + "US-EL,F,organisation,Phi\n");
        assertThat(v.entries()).extracting(ListEntry::id).containsExactly("A");
        assertThat(v.report().malformations())
                .extracting(m -> m.line() + " " + m.reason())
                .containsExactly(
                        "3 B: unknown kind 'company-ish' (expected person, organisation, vessel, aircraft or any)",
                        "4 C: not a date: '2024-13-01'",
                        "5 D: delisted_on 2023-01-01 is before listed_on 2024-01-01",
                        "6 duplicate entry_id A (first occurrence kept)",
                        "7 E: country must be ISO alpha-2, found 'Greece'",
                        "8 expected 11 columns, found 4");
    }

    @Test
    void refusesAFileWithTheWrongHeaderOrNoEntriesSoThePreviousVersionStays() {
        assertThatThrownBy(() -> importText(ListFormat.PROJECT_CSV, "name,kind\nx,y\n"))
                .isInstanceOf(ListImportException.class)
                .hasMessageContaining("list:1: expected the header");
        assertThatThrownBy(() -> importText(ListFormat.PROJECT_CSV, String.join(",", ProjectCsvParser.HEADER) + "\n"))
                .isInstanceOf(ListImportException.class)
                .hasMessageContaining("read no entries")
                .satisfies(e -> assertThat(
                                ((ListImportException) e).partialReport().files())
                        .hasSize(1));
    }

    @Test
    void hashesTheWholeFileEvenWhenTheParserStopsEarly() throws Exception {
        Path file = SharedData.shippedLists().resolve("un_sc_consolidated_list_2026-02-27.xml");
        ListVersion v = importer.importList(ListFormat.UN_SC_XML, "UN", List.of(file));
        assertThat(v.report().files().get(0).sha256())
                .isEqualTo("66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf");
    }
}
