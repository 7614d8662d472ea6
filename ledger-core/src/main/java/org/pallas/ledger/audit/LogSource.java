package org.pallas.ledger.audit;

import java.io.IOException;
import java.util.Optional;
import org.pallas.ledger.TileReader;

/** A published log as an auditor reads it: the signed checkpoint, tiles and entry bundles. */
public interface LogSource extends TileReader {
    /** The signed checkpoint note, or empty when there is none. */
    Optional<byte[]> checkpoint() throws IOException;

    /** Where the log is read from, for reports. */
    String location();

    /** Anything the source found out about where the log is (e.g. a base URL it corrected), or empty. */
    default String note() {
        return "";
    }
}
