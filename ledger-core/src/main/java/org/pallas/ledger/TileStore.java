package org.pallas.ledger;

import java.io.IOException;

/**
 * A writable tile store. The server implements it over PostgreSQL (one row per tile: level, index, width,
 * data); {@link MemoryTileStore} and {@link DirectoryTileStore} are the plain-Java implementations.
 * Full tiles are immutable: writing a full tile that exists with other content is an error of the caller.
 */
public interface TileStore extends TileReader {
    void write(TileId id, byte[] data) throws IOException;
}
