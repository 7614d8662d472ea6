package org.pallas.screening.importing;

import org.pallas.screening.ImportReport;

/** An import that could not complete; the version in use stays in use. Carries what was read so far. */
public final class ListImportException extends Exception {
    private final transient ImportReport partialReport;

    ListImportException(String message, ImportReport partialReport, Throwable cause) {
        super(message, cause);
        this.partialReport = partialReport;
    }

    public ImportReport partialReport() {
        return partialReport;
    }
}
