package org.pallas.screening.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pallas.screening.EntryKind;
import org.pallas.screening.Identifier;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListedName;
import org.pallas.screening.PartialDate;

/**
 * OFAC legacy CSV ({@code sdn.csv}, {@code alt.csv}, {@code add.csv}; the non-SDN {@code cons_*.csv}
 * have the same layout). No header, {@code -0-} for empty, Latin-1, a 0x1A byte at the end.
 *
 * <p>Weak a.k.a. names exist only in the Remarks column ({@code a.k.a. 'X'}); they become
 * {@link org.pallas.screening.NameQuality#WEAK} names, which match only exactly. Strong aliases come
 * from {@code alt.csv}.
 */
final class OfacLegacyParser implements ListParser {
    private static final int SDN_COLUMNS = 12;
    private static final Pattern QUOTED_ALIAS = Pattern.compile("\\b([afn])\\.k\\.a\\.,? '([^']+)'");
    private static final Pattern DOB = Pattern.compile("^(?:alt\\. )?DOB (.+)$");
    private static final Pattern COUNTRY_REMARK = Pattern.compile("^(?:alt\\. )?(?:nationality|citizen) (.+)$");
    private static final Pattern IDENTIFIER = Pattern.compile("^(?:alt\\. )?("
            + "Passport|National ID No\\.|Tax ID No\\.|Cedula No\\.|Identification Number|Registration ID"
            + "|Registration Number|Company Number|Business Registration Number|Commercial Registry Number"
            + "|Chamber of Commerce Number|Legal Entity Number|SWIFT/BIC|D-U-N-S Number|C\\.U\\.R\\.P\\."
            + "|RFC|NIT #|Vessel Registration Identification|MMSI|Aircraft Manufacturer's Serial Number \\(MSN\\)"
            + "|Unified Social Credit Code \\(USCC\\)|Digital Currency Address - [A-Z]+|Stateless Refugee ID Card"
            + "|Driver's License No\\.|Public Security and Immigration No\\.|Residency Number|Personal ID Card"
            + "|UK Company Number|Government Gazette Number|Kenyan ID No\\.|Bosnian Personal ID No\\.)"
            + "\\s+(\\S+(?:\\s\\d+)?)(?:\\s*\\(([^)]+)\\))?");

    private final Map<String, ListEntry.Builder> entries = new LinkedHashMap<>();

    @Override
    public void parse(List<NamedInput> files, ImportReport.Builder report, Consumer<ListEntry> sink)
            throws IOException {
        if (files.isEmpty() || files.size() > 3) {
            throw new IllegalArgumentException("OFAC legacy import takes sdn.csv, then optionally alt.csv and add.csv");
        }
        readPrimary(files.get(0), report);
        if (files.size() > 1) {
            readAliases(files.get(1), report);
        }
        if (files.size() > 2) {
            readAddresses(files.get(2), report);
        }
        entries.values().forEach(b -> sink.accept(b.build()));
    }

    private static CsvRecordReader reader(NamedInput input) throws IOException {
        return new CsvRecordReader(
                new BufferedReader(new InputStreamReader(input.in(), StandardCharsets.ISO_8859_1)), ',');
    }

    private static String value(String field) {
        String v = field.strip();
        return v.equals("-0-") ? "" : v;
    }

    private void readPrimary(NamedInput input, ImportReport.Builder report) throws IOException {
        CsvRecordReader reader = reader(input);
        for (CsvRecordReader.Row row; (row = reader.next(report, input.name())) != null; ) {
            report.count("rows." + input.name());
            if (row.fields().size() != SDN_COLUMNS) {
                report.malformed(
                        input.name(),
                        row.line(),
                        "expected " + SDN_COLUMNS + " columns, found "
                                + row.fields().size());
                continue;
            }
            String entNum = value(row.get(0));
            String name = value(row.get(1));
            if (!entNum.matches("\\d+")) {
                report.malformed(input.name(), row.line(), "ent_num is not a number: '" + row.get(0) + "'");
                continue;
            }
            if (name.isEmpty()) {
                report.malformed(input.name(), row.line(), "entry " + entNum + " has no name");
                continue;
            }
            if (entries.containsKey(entNum)) {
                report.malformed(input.name(), row.line(), "duplicate ent_num " + entNum + " (first occurrence kept)");
                continue;
            }
            ListEntry.Builder b = ListEntry.builder(report.source(), entNum).kind(kind(value(row.get(2))));
            b.name(ListedName.strong(name));
            for (String programme : value(row.get(3)).split("\\]?\\s*\\[|\\s*;\\s*")) {
                b.programme(programme.replace("[", "").replace("]", ""));
            }
            String callSign = value(row.get(5));
            if (!callSign.isEmpty()) {
                b.identifier(new Identifier("Call Sign", callSign, null));
            }
            b.country(CountryCodes.resolve(value(row.get(9))));
            readRemarks(value(row.get(11)), b, input.name(), row.line(), report);
            entries.put(entNum, b);
        }
    }

    private static EntryKind kind(String sdnType) {
        return switch (sdnType.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryKind.PERSON;
            case "vessel" -> EntryKind.VESSEL;
            case "aircraft" -> EntryKind.AIRCRAFT;
            default -> EntryKind.ORGANISATION; // OFAC writes -0- for entities
        };
    }

    static void readRemarks(String remarks, ListEntry.Builder b, String file, long line, ImportReport.Builder report) {
        if (remarks.isEmpty()) {
            return;
        }
        Matcher aka = QUOTED_ALIAS.matcher(remarks);
        while (aka.find()) {
            String alias = aka.group(2).strip();
            if (!alias.isEmpty()) {
                b.name(
                        aka.group(1).equals("f")
                                ? new ListedName(alias, org.pallas.screening.NameQuality.WEAK, null, true)
                                : ListedName.weak(alias));
            }
        }
        String body = remarks.endsWith(".") ? remarks.substring(0, remarks.length() - 1) : remarks;
        for (String item : body.split(";\\s*")) {
            String it = item.strip();
            Matcher dob = DOB.matcher(it);
            if (dob.matches()) {
                List<PartialDate> dates = ListDates.parseBirthDates(dob.group(1));
                if (dates.isEmpty()) {
                    report.note("unreadable birth date in remarks of " + file + ":" + line + ": '" + it + "'");
                }
                dates.forEach(b::birthDate);
                continue;
            }
            Matcher country = COUNTRY_REMARK.matcher(it);
            if (country.matches()) {
                String code = CountryCodes.resolve(country.group(1));
                if (code == null) {
                    report.note("unresolved country '" + country.group(1) + "'");
                }
                b.country(code);
                continue;
            }
            Matcher id = IDENTIFIER.matcher(it);
            if (id.find()) {
                String type = id.group(1);
                String value = id.group(2);
                if (type.equals("Vessel Registration Identification") && value.equals("IMO")) {
                    type = "IMO";
                    value = it.substring(it.indexOf("IMO") + 3).strip().split("\\s")[0];
                }
                b.identifier(new Identifier(type, value, CountryCodes.resolve(id.group(3))));
            }
        }
    }

    private void readAliases(NamedInput input, ImportReport.Builder report) throws IOException {
        CsvRecordReader reader = reader(input);
        for (CsvRecordReader.Row row; (row = reader.next(report, input.name())) != null; ) {
            report.count("rows." + input.name());
            if (row.fields().size() != 5) {
                report.malformed(
                        input.name(),
                        row.line(),
                        "expected 5 columns, found " + row.fields().size());
                continue;
            }
            ListEntry.Builder b = entries.get(value(row.get(0)));
            String name = value(row.get(3));
            if (b == null) {
                report.malformed(
                        input.name(), row.line(), "alias '" + name + "' refers to unknown ent_num " + row.get(0));
            } else if (name.isEmpty()) {
                report.malformed(input.name(), row.line(), "alias of entry " + row.get(0) + " has no name");
            } else {
                String type = value(row.get(2)).toLowerCase(Locale.ROOT);
                // alt.csv holds OFAC's strong aliases; weak ones are only in the SDN remarks.
                b.name(type.equals("fka") ? ListedName.former(name) : ListedName.strong(name));
            }
        }
    }

    private void readAddresses(NamedInput input, ImportReport.Builder report) throws IOException {
        CsvRecordReader reader = reader(input);
        for (CsvRecordReader.Row row; (row = reader.next(report, input.name())) != null; ) {
            report.count("rows." + input.name());
            if (row.fields().size() != 6) {
                report.malformed(
                        input.name(),
                        row.line(),
                        "expected 6 columns, found " + row.fields().size());
                continue;
            }
            ListEntry.Builder b = entries.get(value(row.get(0)));
            if (b == null) {
                report.malformed(input.name(), row.line(), "address refers to unknown ent_num " + row.get(0));
                continue;
            }
            String country = value(row.get(4));
            String code = CountryCodes.resolve(country);
            if (code == null && !country.isEmpty()) {
                report.note("unresolved country '" + country + "'");
            }
            b.country(code);
        }
    }
}
