package org.pallas.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Integrates a batch of new entries into a tiled log: from the tree size and the right-edge tiles it reads,
 * produces the new and changed tiles and entry bundles and the new root. Work is O(batch + 256 · levels):
 * each hash is computed once, and only the partial tiles on the right edge are read.
 *
 * <p>The caller (the server's sequencer) persists {@link Integration#tiles()} in its {@link TileStore}, then
 * signs a checkpoint for the new size and root with {@link CheckpointSigner}, which refuses to sign a tree
 * that is not consistent with the previous checkpoint. Pure: it writes nothing itself.
 */
public final class TileIntegrator {
    private TileIntegrator() {}

    /** The outcome of one batch: every tile and bundle to write (partial ones included), in write order. */
    public record Integration(long previousSize, long treeSize, byte[] rootHash, Map<TileId, byte[]> tiles) {
        public Integration {
            tiles = Collections.unmodifiableMap(new LinkedHashMap<>(tiles));
        }
    }

    public static Integration integrate(TileReader existing, long treeSize, List<byte[]> entries)
            throws IOException, TileFormatException {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).length > EntryBundle.MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("entry " + i + " of the batch has " + entries.get(i).length
                        + " bytes, more than the " + EntryBundle.MAX_ENTRY_SIZE + "-byte limit");
            }
        }
        Map<TileId, byte[]> written = new LinkedHashMap<>();
        long newSize = treeSize + entries.size();
        appendBundles(existing, treeSize, entries, written);

        List<byte[]> hashes = new ArrayList<>(entries.size());
        for (byte[] e : entries) {
            hashes.add(MerkleHash.leaf(e));
        }
        long before = treeSize;
        for (int level = 0; !hashes.isEmpty(); level++) {
            hashes = appendHashes(existing, level, before, hashes, written);
            before >>>= 8;
        }

        TileReader overlay = id -> {
            byte[] fresh = written.get(id);
            return fresh != null ? Optional.of(fresh.clone()) : existing.read(id);
        };
        byte[] root = new ProofBuilder(new TileHashSource(overlay, newSize)).rootHash(newSize);
        return new Integration(treeSize, newSize, root, written);
    }

    /**
     * Appends {@code hashes} to level {@code level}, which holds {@code count} hashes so far, and returns the
     * roots of the tiles this completes: the new hashes of the level above.
     */
    private static List<byte[]> appendHashes(
            TileReader existing, int level, long count, List<byte[]> hashes, Map<TileId, byte[]> written)
            throws IOException, TileFormatException {
        long tileIndex = count >>> 8;
        int have = (int) (count & 0xFF);
        ByteArrayOutputStream tile = new ByteArrayOutputStream(TileId.FULL_WIDTH * MerkleHash.SIZE);
        if (have > 0) {
            tile.writeBytes(TileHashSource.readTile(existing, TileId.tile(level, tileIndex, have)));
        }
        List<byte[]> completed = new ArrayList<>();
        int width = have;
        for (byte[] h : hashes) {
            tile.writeBytes(h);
            width++;
            if (width == TileId.FULL_WIDTH) {
                byte[] full = tile.toByteArray();
                written.put(TileId.tile(level, tileIndex, TileId.FULL_WIDTH), full);
                completed.add(TileHashSource.fullTileRoot(full));
                tileIndex++;
                width = 0;
                tile.reset();
            }
        }
        if (width > 0) {
            written.put(TileId.tile(level, tileIndex, width), tile.toByteArray());
        }
        return completed;
    }

    private static void appendBundles(
            TileReader existing, long count, List<byte[]> entries, Map<TileId, byte[]> written)
            throws IOException, TileFormatException {
        long bundleIndex = count >>> 8;
        int have = (int) (count & 0xFF);
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        if (have > 0) {
            TileId id = TileId.entries(bundleIndex, have);
            byte[] data = existing.read(id).orElseThrow(() -> new TileFormatException(id + ": missing"));
            EntryBundle.decode(data, have, id.path());
            bundle.writeBytes(data);
        }
        int width = have;
        for (byte[] e : entries) {
            EntryBundle.appendTo(bundle, e);
            width++;
            if (width == TileId.FULL_WIDTH) {
                written.put(TileId.entries(bundleIndex, TileId.FULL_WIDTH), bundle.toByteArray());
                bundleIndex++;
                width = 0;
                bundle.reset();
            }
        }
        if (width > 0) {
            written.put(TileId.entries(bundleIndex, width), bundle.toByteArray());
        }
    }
}
