package org.pallas.screening.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimiter-separated records (RFC 4180 quoting, fields may span lines) and remembers the line
 * each record starts on, so that every problem can be reported with its line number.
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

    private final Reader in;
    private final char separator;
    private long line = 1;
    private int pushedBack = -2;

    CsvRecordReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    /**
     * The next record, or null at the end of input. A record cut off by the end of the file (an
     * unclosed quote: a truncated download or extract) is reported as malformed and ends the reading.
     */
    Row next(org.pallas.screening.ImportReport.Builder report, String file) throws IOException {
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
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r' || c == SUBSTITUTE) {
                continue;
            }
            pushedBack = c;
            return readRecord();
        }
    }

    private Row readRecord() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new MalformedRecordException(start, "a quoted field opened on line " + start
                            + " is never closed");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pushedBack = d;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == -1 || c == '\n' || c == SUBSTITUTE) {
                fields.add(finish(field, wasQuoted));
                if (c == '\n') {
                    line++;
                }
                return new Row(start, fields);
            }
            if (c == '\r') {
                continue;
            }
            if (c == separator) {
                fields.add(finish(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private static String finish(StringBuilder field, boolean wasQuoted) {
        String s = field.toString();
        return wasQuoted ? s : s.strip();
    }
}
