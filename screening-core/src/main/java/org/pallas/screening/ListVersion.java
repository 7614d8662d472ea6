package org.pallas.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * One complete, immutable import of a list. A version exists only once its import has finished, so a
 * half-read file can never replace the version in use (see {@link ListCatalogue}).
 *
 * @param source  the list, e.g. "US-OFAC-SDN"
 * @param report  the import report (files, hashes, counts, malformed rows)
 * @param entries every entry read, including those delisted on or before {@link #effectiveOn()}
 */
public record ListVersion(String source, ImportReport report, List<ListEntry> entries) {
    public ListVersion {
        entries = List.copyOf(entries);
    }

    /**
     * The date the version speaks for: its publication date, else the day it was imported. Entries
     * delisted on or before it do not alert when screening against this version.
     */
    public LocalDate effectiveOn() {
        return report.publishedOn() != null
                ? report.publishedOn()
                : LocalDate.ofInstant(report.finishedAt(), java.time.ZoneOffset.UTC);
    }

    /** The entries that are listed as of {@link #effectiveOn()}. */
    public List<ListEntry> activeEntries() {
        LocalDate on = effectiveOn();
        return entries.stream().filter(e -> e.isListedOn(on)).toList();
    }

    /** A short label for result metadata, e.g. "US-OFAC-SDN@2024-05-03#210ca6b4". */
    public String label() {
        String hash = report.files().isEmpty()
                ? ""
                : "#" + report.files().get(0).sha256().substring(0, 8);
        return source + "@" + effectiveOn() + hash;
    }
}
