package org.pallas.ledger.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.pallas.ledger.DirectoryTileStore;
import org.pallas.ledger.TileId;

/** A local copy of a log's tiles (offline audit), laid out as the tlog-tiles URL paths. */
public final class DirectoryLogSource implements LogSource {
    private final DirectoryTileStore store;

    public DirectoryLogSource(Path directory) {
        this.store = new DirectoryTileStore(directory);
    }

    @Override
    public Optional<byte[]> checkpoint() throws IOException {
        return store.readCheckpoint();
    }

    @Override
    public Optional<byte[]> read(TileId id) throws IOException {
        return store.read(id);
    }

    @Override
    public String location() {
        return store.root().toString();
    }
}
