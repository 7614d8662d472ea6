package org.pallas.ledger;

import java.io.IOException;
import java.util.Optional;

/** Read access to a log's tiles and entry bundles: an HTTP server, a directory copy, a database. */
@FunctionalInterface
public interface TileReader {
    /** The bytes of the tile or bundle, or empty when the store does not hold it. */
    Optional<byte[]> read(TileId id) throws IOException;
}
