package org.pallas.screening.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.pallas.screening.EntryKind;
import org.pallas.screening.Identifier;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListedName;

/**
 * US Consolidated Screening List CSV (trade.gov). Columns are found by header name. A repeated header
 * row (the bundled 2023-11 subset has one on line 2) is reported and skipped. Rows without a type are
 * of kind {@link EntryKind#ANY}: the Entity List and several others do not say.
 */
final class ConsolidatedScreeningListParser implements ListParser {
    private static final List<String> REQUIRED = List.of(
            "_id",
            "source",
            "type",
            "programs",
            "name",
            "start_date",
            "end_date",
            "alt_names",
            "citizenships",
            "dates_of_birth",
            "nationalities",
            "addresses",
            "ids");

    @Override
    public void parse(List<NamedInput> files, ImportReport.Builder report, Consumer<ListEntry> sink)
            throws IOException {
        NamedInput input = files.get(0);
        CsvRecordReader reader =
                new CsvRecordReader(new BufferedReader(new InputStreamReader(input.in(), StandardCharsets.UTF_8)), ',');
        CsvRecordReader.Row header = reader.next();
        if (header == null || !header.fields().containsAll(REQUIRED)) {
            throw new IOException(input.name() + ":1: the CSL header must contain " + REQUIRED);
        }
        List<String> columns = header.fields();
        int id = columns.indexOf("_id");
        int source = columns.indexOf("source");
        int type = columns.indexOf("type");
        int programs = columns.indexOf("programs");
        int name = columns.indexOf("name");
        int start = columns.indexOf("start_date");
        int end = columns.indexOf("end_date");
        int alt = columns.indexOf("alt_names");
        int citizenships = columns.indexOf("citizenships");
        int births = columns.indexOf("dates_of_birth");
        int nationalities = columns.indexOf("nationalities");
        int addresses = columns.indexOf("addresses");
        int ids = columns.indexOf("ids");
        for (CsvRecordReader.Row row; (row = reader.next(report, input.name())) != null; ) {
            report.count("rows");
            if (row.fields().equals(columns)) {
                report.malformed(input.name(), row.line(), "repeated header row (skipped)");
                continue;
            }
            if (row.fields().size() != columns.size()) {
                report.malformed(
                        input.name(),
                        row.line(),
                        "expected " + columns.size() + " columns, found "
                                + row.fields().size());
                continue;
            }
            String entryId = row.get(id).strip();
            String primary = row.get(name).strip();
            if (entryId.isEmpty() || primary.isEmpty()) {
                report.malformed(input.name(), row.line(), "row lacks " + (entryId.isEmpty() ? "_id" : "name"));
                continue;
            }
            ListEntry.Builder b = ListEntry.builder(report.source(), entryId).kind(kind(row.get(type)));
            b.name(ListedName.strong(primary));
            for (String a : split(row.get(alt))) {
                b.name(ListedName.strong(a));
            }
            b.programme(row.get(source));
            split(row.get(programs)).forEach(b::programme);
            try {
                b.listedOn(ListDates.parseDay(row.get(start)));
                b.delistedOn(ListDates.parseDay(row.get(end)));
                report.publishedOnAtLeast(ListDates.parseDay(row.get(start)));
            } catch (IllegalArgumentException e) {
                report.malformed(input.name(), row.line(), entryId + ": " + e.getMessage());
            }
            for (String c : split(row.get(citizenships) + ";" + row.get(nationalities))) {
                b.country(CountryCodes.resolve(c));
            }
            for (String address : split(row.get(addresses))) {
                String[] parts = address.split(",\\s*");
                b.country(CountryCodes.resolve(parts[parts.length - 1]));
            }
            for (String dob : split(row.get(births))) {
                var dates = ListDates.parseBirthDates(dob);
                if (dates.isEmpty()) {
                    report.note("unreadable birth date '" + dob + "'");
                }
                dates.forEach(b::birthDate);
            }
            for (String idText : split(row.get(ids))) {
                String[] parts = idText.split(",\\s*");
                if (parts.length >= 2 && !NOT_IDENTIFIERS.matcher(parts[0]).find()) {
                    b.identifier(new Identifier(
                            parts[0], parts[1], parts.length > 2 ? CountryCodes.resolve(parts[2]) : null));
                }
            }
            sink.accept(b.build());
        }
    }

    /** "ids" also carries facts that are not identifiers (websites, dates, directives, gender...). */
    private static final java.util.regex.Pattern NOT_IDENTIFIERS = java.util.regex.Pattern.compile(
            "(?i)website|target type|gender|date|executive order|secondary sanctions|issuer name|organization type"
                    + "|email|phone|directive|listing|effective|sanctions|prohibited|vessel year|nationality|ticker");

    private static List<String> split(String field) {
        return java.util.Arrays.stream(field.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static EntryKind kind(String type) {
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryKind.PERSON;
            case "entity" -> EntryKind.ORGANISATION;
            case "vessel" -> EntryKind.VESSEL;
            case "aircraft" -> EntryKind.AIRCRAFT;
            default -> EntryKind.ANY;
        };
    }
}
