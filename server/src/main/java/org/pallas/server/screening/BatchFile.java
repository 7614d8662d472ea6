package org.pallas.server.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pallas.screening.ScreeningQuery;
import org.pallas.server.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch screening file parsed into rows, each with its 1-based line number: either a query or the
 * reason the line is malformed. Nothing is dropped except blank lines. CSV has a header naming
 * {@code name} and optionally {@code kind, country, birthDate, identifiers} (identifiers separated by
 * {@code ;}); NDJSON has one search request per line. Plain Java, no Spring.
 */
record BatchFile(List<Row> rows) {

    private static final CSVFormat CSV_LINE =
            CSVFormat.RFC4180.builder().setTrailingData(true).get();

    static final Set<String> CSV_COLUMNS = Set.of("name", "kind", "country", "birthdate", "identifiers");

    /** One input line: its name as given (may be blank) and either a query or an error. */
    record Row(int line, String name, ScreeningQuery query, String error) {
        boolean valid() {
            return query != null;
        }
    }

    /** What is wrong with the file as a whole (too large, no header, not UTF-8). */
    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    static BatchFile parse(String fileName, byte[] content, long maxBytes, int maxRows, JsonMapper json) {
        if (content.length == 0) {
            throw new Rejected("The file is empty");
        }
        if (content.length > maxBytes) {
            throw new Rejected("The file is larger than the limit of " + maxBytes + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejected("The file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            lines = reader.lines().toList();
        } catch (IOException e) {
            throw new Rejected("The file could not be read");
        }
        boolean ndjson = String.valueOf(fileName).toLowerCase(Locale.ROOT).matches(".*\\.(ndjson|jsonl|json)$")
                || lines.stream()
                        .filter(l -> !l.isBlank())
                        .findFirst()
                        .map(l -> l.strip().startsWith("{"))
                        .orElse(false);
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!ndjson && header == null) {
                header = cells(line).stream().map(String::strip).toList();
                if (!header.contains("name")) {
                    throw new Rejected("Line " + (i + 1) + ": the CSV header must name a 'name' column");
                }
                for (String column : header) {
                    if (!CSV_COLUMNS.contains(column.toLowerCase(Locale.ROOT))) {
                        throw new Rejected("Line " + (i + 1) + ": unknown column '" + column
                                + "' (allowed: name, kind, country, birthDate, identifiers)");
                    }
                }
                continue;
            }
            if (rows.size() >= maxRows) {
                throw new Rejected("The file has more than the limit of " + maxRows + " rows");
            }
            rows.add(ndjson ? jsonRow(i + 1, line, json) : csvRow(i + 1, header, line));
        }
        if (rows.isEmpty()) {
            throw new Rejected("The file has no rows to screen");
        }
        return new BatchFile(List.copyOf(rows));
    }

    /** Splits one CSV line with Apache Commons CSV (RFC 4180 quotes; a batch row may not span lines). */
    static List<String> cells(String line) {
        // Commons CSV reads a quote inside an unquoted cell as text; on one line an odd count is always an open quote.
        if (line.chars().filter(c -> c == '"').count() % 2 == 1) {
            throw new IllegalArgumentException("unterminated quote");
        }
        try (CSVParser parser = CSVParser.parse(line, CSV_LINE)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            // With trailing data allowed, Commons CSV's one syntax error is the end of input inside quotes.
            throw new IllegalArgumentException("unterminated quote");
        }
    }

    int valid() {
        return (int) rows.stream().filter(Row::valid).count();
    }

    private static Row csvRow(int line, List<String> header, String text) {
        List<String> cells;
        try {
            cells = cells(text);
        } catch (IllegalArgumentException e) {
            return new Row(line, "", null, "malformed CSV: " + e.getMessage());
        }
        if (cells.size() > header.size()) {
            return new Row(
                    line, "", null, "malformed CSV: " + cells.size() + " cells but the header has " + header.size());
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            byName.put(header.get(c).toLowerCase(Locale.ROOT), cells.get(c).strip());
        }
        String ids = byName.getOrDefault("identifiers", "");
        return row(
                line,
                byName.getOrDefault("name", ""),
                blankToAny(byName.get("kind")),
                byName.get("country"),
                byName.get("birthdate"),
                ids.isBlank() ? List.of() : List.of(ids.split(";")));
    }

    private static Row jsonRow(int line, String text, JsonMapper json) {
        ScreeningApi.SearchRequest request;
        try {
            request = json.readValue(text, ScreeningApi.SearchRequest.class);
        } catch (JacksonException e) {
            return new Row(line, "", null, "malformed JSON: " + org.pallas.server.platform.Problems.describe(e));
        }
        if (request == null) {
            return new Row(line, "", null, "malformed JSON: each line must be a JSON object (a search request)");
        }
        return row(
                line,
                request.name() == null ? "" : request.name(),
                blankToAny(request.kind()),
                request.country(),
                request.birthDate(),
                request.identifiers());
    }

    private static Row row(int line, String name, String kind, String country, String birthDate, List<String> ids) {
        try {
            return new Row(line, name, Queries.query(name, kind, country, birthDate, ids, 5), null);
        } catch (InvalidInputException e) {
            return new Row(line, name, null, e.getMessage());
        }
    }

    private static String blankToAny(String kind) {
        return kind == null || kind.isBlank() ? "any" : kind;
    }
}
