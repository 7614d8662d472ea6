package org.pallas.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListCatalogueInstallAllTest {

    private static ListVersion version(String source, LocalDate published, String... names) {
        ImportReport.Builder report =
                new ImportReport.Builder(source, "PROJECT_CSV", Instant.parse("2026-01-01T00:00:00Z"));
        report.publishedOn(published);
        report.file(source + ".csv", 1, "0".repeat(64));
        List<ListEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            entries.add(ListEntry.builder(source, "E" + i)
                    .kind(EntryKind.ORGANISATION)
                    .name(ListedName.strong(names[i]))
                    .build());
        }
        return new ListVersion(source, report.build(Instant.parse("2026-01-01T00:00:01Z")), entries);
    }

    @Test
    void installsSeveralVersionsAtOnceAndReportsTheDeltaOfEach() {
        ListCatalogue catalogue = new ListCatalogue(ScoringConfig.defaults());
        catalogue.install(version("A", LocalDate.of(2026, 1, 1), "Zorvath Quellmar Systems"));

        Map<String, ListDelta> deltas = catalogue.installAll(List.of(
                version("A", LocalDate.of(2026, 2, 1), "Zorvath Quellmar Systems", "Harbour Lights Trading"),
                version("B", LocalDate.of(2026, 2, 1), "Vantor Kelsing Holdings")));

        assertThat(deltas.get("A").added()).hasSize(1);
        assertThat(deltas.get("A").unchanged()).isEqualTo(1);
        assertThat(deltas.get("B").added()).hasSize(1);
        assertThat(catalogue.snapshot().versions()).containsOnlyKeys("A", "B");
        assertThat(catalogue.snapshot().index().entryCount()).isEqualTo(3);
        assertThat(catalogue
                        .snapshot()
                        .index()
                        .search(ScreeningQuery.of("Vantor Kelsing Holdings", EntryKind.ANY))
                        .matches())
                .anyMatch(m -> m.source().equals("B") && m.alert());
    }
}
