package org.pallas.screening.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;
import org.pallas.screening.ListedName;
import org.pallas.screening.NameQuality;
import org.pallas.screening.SharedData;

class UnConsolidatedImportTest {

    @Test
    void importsAllIndividualsAndEntitiesWithTheGenerationDate() throws Exception {
        ListVersion un = SharedData.bundled("UN-SC");
        assertThat(un.report().count("entries.person")).isEqualTo(730);
        assertThat(un.report().count("entries.organisation")).isEqualTo(273);
        assertThat(un.report().publishedOn()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(un.report().malformations()).isEmpty();
    }

    @Test
    void keepsAliasQualityAndNamesInTheirOriginalScript() throws Exception {
        ListVersion un = SharedData.bundled("UN-SC");
        long weak = un.entries().stream()
                .flatMap(e -> e.names().stream())
                .filter(n -> n.quality() == NameQuality.WEAK)
                .count();
        assertThat(weak).isEqualTo(un.report().count("names.weak")).isGreaterThan(100);
        assertThat(un.entries().stream().flatMap(e -> e.names().stream()).map(ListedName::script))
                .contains("Arabic");
        ListEntry kakolele = un.entries().stream()
                .filter(e -> e.id().equals("CDi.002"))
                .findFirst()
                .orElseThrow();
        assertThat(kakolele.names())
                .extracting(ListedName::value)
                .containsExactly("FRANK KAKOLELE BWAMBALE", "FRANK KAKORERE", "FRANK KAKORERE BWAMBALE", "AIGLE BLANC");
        assertThat(kakolele.countries()).containsExactly("CD");
    }

    @Test
    void reportsARecordWithoutANameAndRejectsBrokenXmlWithItsLine() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-01-02T00:00:00Z"><INDIVIDUALS>
                <INDIVIDUAL><DATAID>1</DATAID><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER><FIRST_NAME>ANNA</FIRST_NAME>
                <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>AN</ALIAS_NAME></INDIVIDUAL_ALIAS></INDIVIDUAL>
                <INDIVIDUAL><DATAID>2</DATAID><REFERENCE_NUMBER>X.2</REFERENCE_NUMBER></INDIVIDUAL>
                </INDIVIDUALS></CONSOLIDATED_LIST>
                """;
        ListImporter importer = new ListImporter(SharedData.CLOCK, (s, r, t, n) -> {});
        ListVersion v = importer.importInputs(
                ListFormat.UN_SC_XML,
                "UN",
                null,
                List.of(ListImporter.Input.of("un.xml", xml.getBytes(StandardCharsets.UTF_8))));
        assertThat(v.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.PERSON);
            assertThat(e.names()).extracting(ListedName::quality).containsExactly(NameQuality.STRONG, NameQuality.WEAK);
        });
        assertThat(v.report().malformations())
                .extracting(m -> m.line() + " " + m.reason())
                .containsExactly("5 INDIVIDUAL X.2 has no FIRST_NAME");
        assertThat(v.report().publishedOn()).isEqualTo(LocalDate.of(2026, 1, 2));

        String broken = xml.replace("</INDIVIDUALS>", "");
        assertThatThrownBy(() -> importer.importInputs(
                        ListFormat.UN_SC_XML,
                        "UN",
                        null,
                        List.of(ListImporter.Input.of("un.xml", broken.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(ListImportException.class)
                .hasMessageContaining("un.xml:6")
                .hasMessageContaining("XML");
    }
}
