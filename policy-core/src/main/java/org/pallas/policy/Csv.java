package org.pallas.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference tables, one record per line, split by Apache Commons CSV (RFC 4180 quoting): a header
 * after leading '#' comment lines, BOM stripped, blank and '#' lines skipped, errors with the line number.
 */
final class Csv {
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setTrailingData(true).get();

    /** One data row with its 1-based line number, keyed by header. */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            String value = values.get(column);
            if (value == null) {
                throw new IllegalArgumentException("line " + line + ": no column '" + column + "'");
            }
            return value;
        }
    }

    private Csv() {}

    static List<Row> read(InputStream in, String name) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static List<Row> resource(String name) {
        InputStream in = Csv.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(
                    "missing resource " + Csv.class.getPackageName().replace('.', '/') + "/" + name);
        }
        return read(in, name);
    }

    private static List<Row> parse(BufferedReader reader, String name) throws IOException {
        // Leading '#' lines document a project-authored table; they precede the header.
        String headerLine = reader.readLine();
        if (headerLine != null && headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1); // the BOM opens the file, before any comment
        }
        int lineNumber = 1;
        while (headerLine != null && headerLine.startsWith("#")) {
            headerLine = reader.readLine();
            lineNumber++;
        }
        if (headerLine == null) {
            throw new IllegalArgumentException(name + ": empty file");
        }
        List<String> header = split(headerLine, name, lineNumber);
        List<Row> rows = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line, name, lineNumber);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(
                        name + ":" + lineNumber + ": expected " + header.size() + " fields, found " + fields.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), fields.get(i));
            }
            rows.add(new Row(lineNumber, values));
        }
        return rows;
    }

    static List<String> split(String line, String name, int lineNumber) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            // With trailing data allowed, Commons CSV's one syntax error is the end of input inside quotes.
            throw new IllegalArgumentException(name + ":" + lineNumber + ": unterminated quoted field");
        }
    }

    /** Quotes a field only when it needs it, so derived files stay diff-friendly. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
