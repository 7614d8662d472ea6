package org.pallas.screening.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListedName;

/**
 * BIS Denied Persons List (tab-separated, quoted, with a header). The list has no identifiers and does
 * not say whether a party is a person or a company, so entries are of kind {@link EntryKind#ANY}; the id
 * is derived from the name and effective date, which are stable across versions. A denial order's
 * expiration date is its delisting date. Rows of one party (several addresses) merge into one entry.
 */
final class DeniedPersonsParser implements ListParser {
    private static final List<String> HEADER = List.of(
            "Name",
            "Street_Address",
            "City",
            "State",
            "Country",
            "Postal_Code",
            "Effective_Date",
            "Expiration_Date",
            "Standard_Order",
            "Last_Update",
            "Action",
            "FR_Citation");

    @Override
    public void parse(List<NamedInput> files, ImportReport.Builder report, Consumer<ListEntry> sink)
            throws IOException {
        NamedInput input = files.get(0);
        CsvRecordReader reader = new CsvRecordReader(
                new BufferedReader(new InputStreamReader(input.in(), StandardCharsets.UTF_8)), '\t');
        CsvRecordReader.Row header = reader.next();
        if (header == null || !header.fields().equals(HEADER)) {
            throw new IOException(input.name() + ":1: expected the DPL header " + HEADER + ", found "
                    + (header == null ? "an empty file" : header.fields()));
        }
        Map<String, ListEntry.Builder> byId = new LinkedHashMap<>();
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
            String name = row.get(0).strip();
            if (name.isEmpty()) {
                report.malformed(input.name(), row.line(), "row has no name");
                continue;
            }
            LocalDate effective;
            LocalDate expiration;
            try {
                effective = ListDates.parseDay(row.get(6));
                expiration = ListDates.parseDay(row.get(7));
                report.publishedOnAtLeast(ListDates.parseDay(row.get(9)));
            } catch (IllegalArgumentException e) {
                report.malformed(input.name(), row.line(), name + ": " + e.getMessage());
                continue;
            }
            String id = "DPL-" + Integer.toHexString((name.toUpperCase(Locale.ROOT) + '|' + effective).hashCode());
            ListEntry.Builder b = byId.computeIfAbsent(
                    id,
                    k -> ListEntry.builder(report.source(), k)
                            .kind(EntryKind.ANY)
                            .listedOn(effective)
                            .delistedOn(expiration)
                            .programme("Denied Persons List"));
            b.name(ListedName.strong(name));
            String country = row.get(4).strip();
            if (!country.isEmpty()) {
                String code = CountryCodes.resolve(country);
                if (code == null) {
                    report.note("unresolved country '" + country + "'");
                }
                b.country(code);
            }
            b.programme(row.get(11));
        }
        byId.values().forEach(b -> sink.accept(b.build()));
    }
}
