package org.pallas.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TileStore} in a map; for tests, benchmarks and the server's integration step. */
public final class MemoryTileStore implements TileStore {
    private final Map<TileId, byte[]> tiles = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> read(TileId id) {
        return Optional.ofNullable(tiles.get(id)).map(byte[]::clone);
    }

    @Override
    public void write(TileId id, byte[] data) {
        tiles.put(id, data.clone());
    }
}
