package org.pallas.screening.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListedName;

/**
 * The project CSV format for lists without an importer ({@code shared/data/sanctions/project/README.md}):
 * {@code source, entry_id, kind, name, aliases (';'-separated), country, program, listed_on, delisted_on,
 * citation, remarks}. The list's publication date is the latest listing or delisting date it contains.
 */
final class ProjectCsvParser implements ListParser {
    static final List<String> HEADER = List.of(
            "source",
            "entry_id",
            "kind",
            "name",
            "aliases",
            "country",
            "program",
            "listed_on",
            "delisted_on",
            "citation",
            "remarks");

    @Override
    public void parse(List<NamedInput> files, ImportReport.Builder report, Consumer<ListEntry> sink)
            throws IOException {
        NamedInput input = files.get(0);
        CsvRecordReader reader =
                new CsvRecordReader(new BufferedReader(new InputStreamReader(input.in(), StandardCharsets.UTF_8)), ',');
        CsvRecordReader.Row header = reader.next();
        if (header == null || !header.fields().equals(HEADER)) {
            throw new IOException(input.name() + ":1: expected the header " + String.join(",", HEADER));
        }
        Set<String> seen = new HashSet<>();
        for (CsvRecordReader.Row row; (row = reader.next(report, input.name())) != null; ) {
            report.count("rows");
            if (row.fields().size() != HEADER.size()) {
                report.malformed(
                        input.name(),
                        row.line(),
                        "expected " + HEADER.size() + " columns, found "
                                + row.fields().size());
                continue;
            }
            String id = row.get(1).strip();
            String name = row.get(3).strip();
            if (id.isEmpty() || name.isEmpty()) {
                report.malformed(input.name(), row.line(), "entry_id and name are required");
                continue;
            }
            if (!seen.add(row.get(0) + "|" + id)) {
                report.malformed(input.name(), row.line(), "duplicate entry_id " + id + " (first occurrence kept)");
                continue;
            }
            EntryKind kind;
            LocalDate listed;
            LocalDate delisted;
            try {
                kind = EntryKind.parse(row.get(2));
                listed = ListDates.parseDay(row.get(7));
                delisted = ListDates.parseDay(row.get(8));
            } catch (IllegalArgumentException e) {
                report.malformed(input.name(), row.line(), id + ": " + e.getMessage());
                continue;
            }
            if (listed != null && delisted != null && delisted.isBefore(listed)) {
                report.malformed(
                        input.name(), row.line(), id + ": delisted_on " + delisted + " is before listed_on " + listed);
                continue;
            }
            String country = row.get(5).strip();
            if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
                report.malformed(
                        input.name(), row.line(), id + ": country must be ISO alpha-2, found '" + country + "'");
                continue;
            }
            report.publishedOnAtLeast(listed);
            report.publishedOnAtLeast(delisted);
            // The row's own source column names the list it belongs to (US-EL, US-OFAC, ...).
            ListEntry.Builder b = ListEntry.builder(
                            row.get(0).strip().isEmpty()
                                    ? report.source()
                                    : row.get(0).strip(),
                            id)
                    .kind(kind)
                    .listedOn(listed)
                    .delistedOn(delisted)
                    .country(country.isEmpty() ? null : country)
                    .programme(row.get(6));
            b.name(ListedName.strong(name));
            for (String alias : row.get(4).split(";")) {
                if (!alias.isBlank()) {
                    b.name(ListedName.strong(alias));
                }
            }
            sink.accept(b.build());
        }
    }
}
