package org.pallas.screening.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;

/** Streams one list format into entries; problems go to the report, never silently away. */
interface ListParser {
    /** A file to parse under its name (for line-numbered reports). */
    record NamedInput(String name, InputStream in) {}

    void parse(List<NamedInput> files, ImportReport.Builder report, Consumer<ListEntry> sink) throws IOException;
}
