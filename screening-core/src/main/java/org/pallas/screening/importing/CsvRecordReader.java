package org.pallas.screening.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pallas.screening.ImportReport;

/**
 * Reads delimiter-separated records with Apache Commons CSV (RFC 4180 quoting, fields may span lines) and
 * remembers the line each record starts on, so that every problem can be reported with its line number.
 * Unquoted fields are stripped; blank lines are skipped.
 */
final class CsvRecordReader {
    /** A record and the 1-based line it starts on. */
    record Row(long line, List<String> fields) {
        String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /** A record that cannot be read, e.g. a quote that is never closed. */
    static final class MalformedRecordException extends IOException {
        final long line;

        MalformedRecordException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final char SUBSTITUTE = 0x1A; // OFAC legacy files end with a DOS end-of-file byte

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRecordReader(Reader in, char separator) throws IOException {
        // Blank lines come back as one empty field and are skipped here, so that every record's first line is
        // the parser's line count before it plus one.
        this.parser = CSVFormat.RFC4180
                .builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrailingData(true)
                .get()
                .parse(in);
        this.records = parser.iterator();
    }

    /**
     * The next record, or null at the end of input. A record cut off by the end of the file (an
     * unclosed quote: a truncated download or extract) is reported as malformed and ends the reading.
     */
    Row next(ImportReport.Builder report, String file) throws IOException {
        try {
            return next();
        } catch (MalformedRecordException e) {
            report.malformed(file, e.line, "record cut off by the end of the file: " + e.getMessage());
            return null;
        }
    }

    /** The next record, or null at the end of input. Blank lines are skipped. */
    Row next() throws IOException {
        while (true) {
            long start = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                // Commons CSV's one syntax error once trailing data is allowed: end of input inside quotes.
                if (e.getCause() instanceof org.apache.commons.csv.CSVException) {
                    throw new MalformedRecordException(
                            start, "a quoted field opened on line " + start + " is never closed");
                }
                throw e.getCause();
            }
            if (record.size() == 1 && record.get(0).replace(SUBSTITUTE, ' ').isBlank()) {
                continue;
            }
            return new Row(start, record.toList());
        }
    }
}
