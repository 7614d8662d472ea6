package org.pallas.screening.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the small comma-separated evaluation files (RFC 4180 quoting; '#' comment lines skipped). */
final class SimpleCsv {
    private SimpleCsv() {
    }

    static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder pending = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (pending == null && (line.isBlank() || line.startsWith("#"))) {
                    continue;
                }
                String text = pending == null ? line : pending + "\n" + line;
                if (quotes(text) % 2 == 1) {
                    pending = new StringBuilder(text);
                    continue;
                }
                pending = null;
                rows.add(split(text));
            }
            if (pending != null) {
                throw new IOException(file + ": a quoted field is never closed");
            }
        }
        return rows;
    }

    private static long quotes(String s) {
        return s.chars().filter(c -> c == '"').count();
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
