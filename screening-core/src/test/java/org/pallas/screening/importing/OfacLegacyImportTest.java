package org.pallas.screening.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;
import org.pallas.screening.ListedName;
import org.pallas.screening.NameQuality;
import org.pallas.screening.PartialDate;
import org.pallas.screening.SharedData;

class OfacLegacyImportTest {

    private static ListEntry entry(ListVersion v, String id) {
        return v.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void importsTheWholeSdn2024FileWithItsHashAndKindCounts() throws Exception {
        ListVersion sdn = SharedData.bundled("US-OFAC-SDN");
        ImportReport r = sdn.report();
        assertThat(sdn.entries()).hasSize(14_965);
        assertThat(r.count("entries.person")).isEqualTo(6_854);
        assertThat(r.count("entries.organisation")).isEqualTo(6_884);
        assertThat(r.count("entries.vessel")).isEqualTo(851);
        assertThat(r.count("entries.aircraft")).isEqualTo(376);
        assertThat(r.malformations()).isEmpty();
        assertThat(r.publishedOn()).isEqualTo(LocalDate.of(2024, 5, 3));
        assertThat(r.files().get(0).sha256())
                .isEqualTo("210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb");
        assertThat(r.files().get(0).bytes()).isEqualTo(3_909_739L);
    }

    @Test
    void readsWeakAliasesFromTheRemarksColumn() throws Exception {
        ListEntry bnc = entry(SharedData.bundled("US-OFAC-SDN"), "306");
        assertThat(bnc.names())
                .extracting(ListedName::value, ListedName::quality)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("BANCO NACIONAL DE CUBA", NameQuality.STRONG),
                        org.assertj.core.groups.Tuple.tuple("BNC", NameQuality.WEAK));
        assertThat(SharedData.bundled("US-OFAC-SDN").report().count("names.weak"))
                .isGreaterThan(2_000);
    }

    @Test
    void readsBirthDateNationalityAndDocumentsOfTalDilian() throws Exception {
        ListEntry dilian = entry(SharedData.bundled("US-OFAC-SDN"), "48060");
        assertThat(dilian.kind()).isEqualTo(EntryKind.PERSON);
        assertThat(dilian.programmes()).containsExactly("CYBER2");
        assertThat(dilian.birthDates()).containsExactly(new PartialDate(1961, 8, 21));
        assertThat(dilian.countries()).contains("IL", "MT");
        assertThat(dilian.identifiers())
                .extracting(i -> i.type() + " " + i.value())
                .contains("Passport 22540627", "National ID No. 57053795");
    }

    @Test
    void joinsStrongAliasesAndAddressCountriesOfThe2021Files() throws Exception {
        ListVersion sdn2021 = SharedData.bundled("US-OFAC-SDN-2021");
        assertThat(sdn2021.entries()).hasSize(8_976);
        assertThat(sdn2021.report().count("rows.ofac_sdn_2021-07_aliases.csv")).isEqualTo(11_910);
        assertThat(sdn2021.report().malformations()).isEmpty();
        ListEntry bnc = entry(sdn2021, "306");
        assertThat(bnc.names()).extracting(ListedName::value).contains("NATIONAL BANK OF CUBA");
        assertThat(bnc.countries()).contains("CH", "ES", "JP");
    }

    @Test
    void reportsEveryMalformedRowWithItsLineAndKeepsTheGoodOnes() throws Exception {
        String sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "37,\"TOO FEW COLUMNS\",-0- \r\n"
                + "X1,\"BAD NUMBER\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "38,\"\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "39,\"HAMOU, Sara\",\"individual\",\"CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1985; a.k.a. 'SARA H'.\"\r\n"
                + "\u001a";
        String alt = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n999,13,\"aka\",\"ORPHAN ALIAS\",-0- \r\n";
        List<int[]> progress = new ArrayList<>();
        ListImporter importer = new ListImporter(SharedData.CLOCK, (s, read, total, n) -> progress.add(new int[] {n}));
        ListVersion v = importer.importInputs(
                ListFormat.OFAC_LEGACY_CSV,
                "TEST",
                LocalDate.of(2026, 1, 1),
                List.of(
                        ListImporter.Input.of("sdn.csv", sdn.getBytes(StandardCharsets.ISO_8859_1)),
                        ListImporter.Input.of("alt.csv", alt.getBytes(StandardCharsets.ISO_8859_1))));
        assertThat(v.entries()).extracting(ListEntry::id).containsExactly("36", "39");
        assertThat(v.report().malformations())
                .extracting(m -> m.file() + ":" + m.line() + " " + m.reason())
                .containsExactly(
                        "sdn.csv:2 expected 12 columns, found 3",
                        "sdn.csv:3 ent_num is not a number: 'X1'",
                        "sdn.csv:4 entry 38 has no name",
                        "alt.csv:2 alias 'ORPHAN ALIAS' refers to unknown ent_num 999");
        assertThat(entry(v, "39").names()).extracting(ListedName::value).containsExactly("HAMOU, Sara", "SARA H");
        assertThat(entry(v, "36").names()).extracting(ListedName::value).contains("AERO-CARIBBEAN");
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(2);
    }
}
