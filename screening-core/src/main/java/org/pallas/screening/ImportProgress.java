package org.pallas.screening;

/** Receives progress of a long import, for a progress bar and the log. Called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {
    /**
     * @param source     the list being imported
     * @param bytesRead  bytes consumed so far across the list's files
     * @param totalBytes total bytes of the list's files, or -1 when unknown
     * @param entries    entries read so far
     */
    void progress(String source, long bytesRead, long totalBytes, int entries);

    ImportProgress NONE = (source, bytesRead, totalBytes, entries) -> {};
}
