package org.pallas.benchmarks.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.pallas.ledger.MemoryTileStore;
import org.pallas.ledger.MemoryTree;
import org.pallas.ledger.TileFormatException;
import org.pallas.ledger.TileIntegrator;

/** A log of n entries d[i] = uint64 big-endian(i), as a whole in-memory tree and as tiles. */
final class LedgerFixture {
    final MemoryTree tree = new MemoryTree();
    final MemoryTileStore tiles = new MemoryTileStore();

    LedgerFixture(int size) throws java.io.IOException, TileFormatException {
        List<byte[]> batch = new ArrayList<>();
        long done = 0;
        for (int i = 0; i < size; i++) {
            tree.appendData(entry(i));
            batch.add(entry(i));
            if (batch.size() == 4096 || i == size - 1) {
                TileIntegrator.integrate(tiles, done, batch).tiles().forEach(tiles::write);
                done += batch.size();
                batch.clear();
            }
        }
    }

    static byte[] entry(long i) {
        return ByteBuffer.allocate(8).putLong(i).array();
    }
}
