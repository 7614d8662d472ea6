package org.pallas.ledger;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link HashSource} over the tiles of a tree of a given size, as a tlog-tiles client sees them: the node at
 * tree level 8L + r is hashed from 2^r consecutive hashes of a level-L tile. Reads the full tile where the tree
 * has one and the right-edge partial tile otherwise, and checks each tile's length against its width.
 * Keeps the last tiles it read with their inner levels, so a server can keep one source per published
 * checkpoint and answer proof requests from warm tiles; safe for concurrent use.
 */
public final class TileHashSource implements HashSource {
    private static final int CACHED_TILES = 64;

    private final TileReader reader;
    private final long treeSize;
    private final Map<TileId, byte[][]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TileId, byte[][]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    public TileHashSource(TileReader reader, long treeSize) {
        this.reader = reader;
        this.treeSize = treeSize;
    }

    @Override
    public byte[] hash(int level, long index) throws IOException, TileFormatException {
        int tileLevel = level / 8;
        int r = level % 8;
        long first = index << r;
        TileId id;
        try {
            id = TileId.inTree(tileLevel, first >>> 8, treeSize);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "no perfect subtree at level " + level + ", index " + index + " in a tree of size " + treeSize, e);
        }
        byte[][] inner = innerLevels(id);
        int offset = (int) ((first & 0xFF) >>> r);
        byte[] row = inner[r];
        if ((offset + 1) * MerkleHash.SIZE > row.length) {
            throw new IllegalArgumentException(
                    "no perfect subtree at level " + level + ", index " + index + " in a tree of size " + treeSize);
        }
        return Arrays.copyOfRange(row, offset * MerkleHash.SIZE, (offset + 1) * MerkleHash.SIZE);
    }

    /**
     * Reads a tile and checks its length: 32 bytes per hash of its width. A log may delete a partial tile once
     * the full tile exists; tiles only grow, so the full tile's prefix then stands in for it.
     */
    public static byte[] readTile(TileReader reader, TileId id) throws IOException, TileFormatException {
        Optional<byte[]> exact = reader.read(id);
        if (exact.isEmpty() && !id.isFull()) {
            TileId full = TileId.tile(id.level(), id.index(), TileId.FULL_WIDTH);
            Optional<byte[]> wider = reader.read(full);
            if (wider.isPresent() && wider.get().length == TileId.FULL_WIDTH * MerkleHash.SIZE) {
                return Arrays.copyOf(wider.get(), id.width() * MerkleHash.SIZE);
            }
        }
        byte[] data = exact.orElseThrow(() -> new TileFormatException(id + ": missing"));
        if (data.length != id.width() * MerkleHash.SIZE) {
            throw new TileFormatException(id + ": expected " + id.width() * MerkleHash.SIZE + " bytes for " + id.width()
                    + " hashes, got " + data.length);
        }
        return data;
    }

    private byte[][] innerLevels(TileId id) throws IOException, TileFormatException {
        byte[][] levels;
        synchronized (cache) {
            levels = cache.get(id);
        }
        if (levels == null) {
            // Read and hash outside the lock; two threads may both compute a tile, with the same result.
            levels = innerLevels(readTile(reader, id));
            synchronized (cache) {
                cache.put(id, levels);
            }
        }
        return levels;
    }

    /**
     * Rows 0..8 of the tree inside a tile: row r holds the complete pairs of row r-1 hashed together, so row 8
     * of a full tile is its root, the hash stored one tile level up.
     */
    static byte[][] innerLevels(byte[] tile) {
        byte[][] rows = new byte[9][];
        rows[0] = tile;
        for (int r = 1; r < rows.length; r++) {
            byte[] below = rows[r - 1];
            int count = below.length / MerkleHash.SIZE / 2;
            byte[] row = new byte[count * MerkleHash.SIZE];
            for (int i = 0; i < count; i++) {
                System.arraycopy(
                        MerkleHash.node(below, 2 * i * MerkleHash.SIZE), 0, row, i * MerkleHash.SIZE, MerkleHash.SIZE);
            }
            rows[r] = row;
        }
        return rows;
    }

    /** The root of a full tile: the hash stored one tile level up. */
    static byte[] fullTileRoot(byte[] tile) {
        return innerLevels(tile)[8];
    }
}
