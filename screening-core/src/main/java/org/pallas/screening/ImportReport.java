package org.pallas.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import read: the files and their SHA-256, the publication date, counts, and every row that
 * could not be imported with its line number and reason. Nothing is dropped without appearing here.
 *
 * @param source        the list
 * @param format        the file format
 * @param publishedOn   the list's own publication date, or null when the files do not state one
 * @param files         each file read with its size and SHA-256
 * @param counts        named counts ("rows", "entries", "entries.person", "names.weak", ...)
 * @param malformations rows that were not imported or only partly, with line numbers
 * @param notes         facts worth a reviewer's eye that are not errors (e.g. unresolved country names)
 * @param startedAt     when the import started
 * @param finishedAt    when it finished
 */
public record ImportReport(
        String source,
        String format,
        LocalDate publishedOn,
        List<ImportedFile> files,
        Map<String, Long> counts,
        List<Malformation> malformations,
        List<String> notes,
        Instant startedAt,
        Instant finishedAt) {

    public ImportReport {
        files = List.copyOf(files);
        counts = Map.copyOf(counts);
        malformations = List.copyOf(malformations);
        notes = List.copyOf(notes);
    }

    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** A file read by an import. */
    public record ImportedFile(String name, long bytes, String sha256) {}

    /** A readable multi-line summary for logs and the UI. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(source)
                .append(" (")
                .append(format)
                .append("), published ")
                .append(publishedOn == null ? "(not stated)" : publishedOn)
                .append('\n');
        files.forEach(f -> sb.append("  file ")
                .append(f.name())
                .append(", ")
                .append(f.bytes())
                .append(" bytes, sha256 ")
                .append(f.sha256())
                .append('\n'));
        new TreeMap<>(counts)
                .forEach((k, v) ->
                        sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append("  malformed rows: ").append(malformations.size()).append('\n');
        malformations.forEach(m -> sb.append("    ").append(m).append('\n'));
        notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
        return sb.toString();
    }

    /** Mutable collector used by the parsers. */
    public static final class Builder {
        private final String source;
        private final String format;
        private final Instant startedAt;
        private LocalDate publishedOn;
        private final List<ImportedFile> files = new ArrayList<>();
        private final Map<String, Long> counts = new TreeMap<>();
        private final List<Malformation> malformations = new ArrayList<>();
        private final Map<String, Integer> noteCounts = new TreeMap<>();

        public Builder(String source, String format, Instant startedAt) {
            this.source = source;
            this.format = format;
            this.startedAt = startedAt;
        }

        public String source() {
            return source;
        }

        public Builder publishedOn(LocalDate date) {
            this.publishedOn = date;
            return this;
        }

        /**
         * Keeps the latest date seen, for lists that only date their rows. A date after the import began
         * is a typo in the list (the 2023 DPL has a Last_Update of 3033-09-30): noted, not used.
         */
        public void publishedOnAtLeast(LocalDate date) {
            if (date == null) {
                return;
            }
            if (date.isAfter(LocalDate.ofInstant(startedAt, java.time.ZoneOffset.UTC))) {
                note("row date " + date + " lies in the future; not used as the publication date");
                return;
            }
            if (publishedOn == null || date.isAfter(publishedOn)) {
                publishedOn = date;
            }
        }

        public void file(String name, long bytes, String sha256) {
            files.add(new ImportedFile(name, bytes, sha256));
        }

        public void count(String key) {
            counts.merge(key, 1L, Long::sum);
        }

        public void malformed(String file, long line, String reason) {
            malformations.add(new Malformation(file, line, reason));
        }

        /** Records a note; the same note repeated is counted rather than listed again. */
        public void note(String note) {
            noteCounts.merge(note, 1, Integer::sum);
        }

        public void countEntry(ListEntry entry) {
            count("entries");
            count("entries." + entry.kind().name().toLowerCase(java.util.Locale.ROOT));
            for (ListedName n : entry.names()) {
                count(n.quality() == NameQuality.WEAK ? "names.weak" : "names.strong");
            }
            if (entry.delistedOn() != null) {
                count("entries.with-delisting-date");
            }
        }

        public ImportReport build(Instant finishedAt) {
            List<String> notes = new ArrayList<>();
            noteCounts.forEach((n, c) -> notes.add(c == 1 ? n : n + " (" + c + " times)"));
            return new ImportReport(
                    source, format, publishedOn, files, counts, malformations, notes, startedAt, finishedAt);
        }
    }
}
