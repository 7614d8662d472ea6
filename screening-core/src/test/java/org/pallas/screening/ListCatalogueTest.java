package org.pallas.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.importing.ListFormat;
import org.pallas.screening.importing.ListImportException;
import org.pallas.screening.importing.ListImporter;

class ListCatalogueTest {
    private static final String HEADER =
            "source,entry_id,kind,name,aliases,country,program,listed_on,delisted_on,citation,remarks\n";
    private final ListImporter importer = new ListImporter(SharedData.CLOCK, ImportProgress.NONE);

    private ListVersion version(String rows) throws ListImportException {
        return importer.importInputs(
                ListFormat.PROJECT_CSV,
                "NATIONAL",
                null,
                List.of(ListImporter.Input.of("national.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8))));
    }

    private static boolean alerts(ListCatalogue catalogue, String name) {
        return catalogue
                .snapshot()
                .index()
                .search(ScreeningQuery.of(name, EntryKind.ANY))
                .alerted();
    }

    @Test
    void stopsAlertingOnAnEntryFromTheVersionThatDelistsIt() throws Exception {
        ListCatalogue catalogue = new ListCatalogue(ScoringConfig.defaults());
        ListVersion v1 = version("NAT,S1,organisation,Sandvine,,CA,EL,2024-02-27,,c,\n"
                + "NAT,N1,organisation,NSO Group,,IL,EL,2024-03-01,,c,\n");
        catalogue.install(v1);
        assertThat(alerts(catalogue, "Sandvine")).isTrue();

        ListVersion v2 = version("NAT,S1,organisation,Sandvine,,CA,EL,2024-02-27,2024-10-21,c,\n"
                + "NAT,N1,organisation,NSO Group,,IL,EL,2024-03-01,,c,\n");
        assertThat(v2.effectiveOn()).isEqualTo(LocalDate.of(2024, 10, 21));
        ListDelta delta = catalogue.install(v2);
        assertThat(alerts(catalogue, "Sandvine")).isFalse();
        assertThat(alerts(catalogue, "NSO Group")).isTrue();
        assertThat(delta.removed()).extracting(ListEntry::id).containsExactly("S1");
        assertThat(delta.toScreen()).isEmpty();
        assertThat(delta.unchanged()).isEqualTo(1);
        // the earlier version still says what was listed then
        assertThat(v1.activeEntries()).extracting(ListEntry::id).contains("S1");
    }

    @Test
    void reScreensOnlyAgainstNewAndChangedEntries() throws Exception {
        ListVersion v1 = version("NAT,A,organisation,Alpha Trading,,GB,X,2024-01-01,,c,\n"
                + "NAT,B,organisation,Beta Systems,,GB,X,2024-01-01,,c,\n");
        ListVersion v2 = version("NAT,A,organisation,Alpha Trading,,GB,X,2024-01-01,,c,\n"
                + "NAT,B,organisation,Beta Systems,Beta Sys Ltd,GB,X,2024-01-01,,c,\n"
                + "NAT,C,person,Gamma Person,,,X,2024-06-01,,c,\n");
        ListDelta delta = ListDelta.between(v1, v2);
        assertThat(delta.added()).extracting(ListEntry::id).containsExactly("C");
        assertThat(delta.changed()).extracting(ListEntry::id).containsExactly("B");
        assertThat(delta.unchanged()).isEqualTo(1);
        ScreeningIndex deltaIndex =
                ScreeningIndex.ofEntries(delta.toScreen(), List.of(v2.label()), ScoringConfig.defaults());
        assertThat(deltaIndex.entryCount()).isEqualTo(2);
        assertThat(deltaIndex
                        .search(ScreeningQuery.of("Beta Sys Limited", EntryKind.ANY))
                        .alerted())
                .isTrue();
        assertThat(deltaIndex
                        .search(ScreeningQuery.of("Alpha Trading", EntryKind.ANY))
                        .matches())
                .isEmpty();
    }

    @Test
    void keepsTheVersionInUseWhenAnImportFails() throws Exception {
        ListCatalogue catalogue = new ListCatalogue(ScoringConfig.defaults());
        catalogue.install(version("NAT,N1,organisation,NSO Group,,IL,EL,2024-03-01,,c,\n"));
        ListCatalogue.Snapshot before = catalogue.snapshot();
        assertThatThrownBy(() -> version("")).isInstanceOf(ListImportException.class);
        assertThat(catalogue.snapshot()).isSameAs(before);
        assertThat(alerts(catalogue, "NSO Group")).isTrue();
    }

    @Test
    void givesEqualEntriesEqualDigestsAndDifferentOnesDifferentDigests() {
        ListEntry a = ListEntry.builder("S", "1")
                .name(ListedName.strong("Alpha"))
                .country("GB")
                .build();
        ListEntry same = ListEntry.builder("S", "1")
                .name(ListedName.strong("Alpha"))
                .country("GB")
                .build();
        ListEntry moved = ListEntry.builder("S", "1")
                .name(ListedName.strong("Alpha"))
                .country("IE")
                .build();
        assertThat(a.digest()).isEqualTo(same.digest()).hasSize(64).isNotEqualTo(moved.digest());
    }
}
