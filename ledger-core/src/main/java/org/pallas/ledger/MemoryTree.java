package org.pallas.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle tree held in memory: every perfect subtree hash, level by level, in flat arrays.
 * For tests, benchmarks and auditors that recompute a whole log (about 64 bytes per leaf).
 */
public final class MemoryTree implements HashSource {
    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();

    public long size() {
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    public void appendData(byte[] entry) {
        appendLeafHash(MerkleHash.leaf(entry));
    }

    public void appendLeafHash(byte[] leafHash) {
        MerkleHash.requireHash(leafHash, "leaf hash");
        byte[] h = leafHash;
        for (int level = 0; ; level++) {
            long index = put(level, h);
            if ((index & 1) == 0) {
                return;
            }
            byte[] buffer = levels.get(level);
            h = MerkleHash.node(buffer, (int) ((index - 1) * MerkleHash.SIZE));
        }
    }

    @Override
    public byte[] hash(int level, long index) {
        if (level >= levels.size() || index < 0 || index >= counts.get(level)) {
            throw new IllegalArgumentException(
                    "no perfect subtree at level " + level + ", index " + index + " in a tree of size " + size());
        }
        int from = (int) (index * MerkleHash.SIZE);
        return Arrays.copyOfRange(levels.get(level), from, from + MerkleHash.SIZE);
    }

    public byte[] rootHash() {
        try {
            return new ProofBuilder(this).rootHash(size());
        } catch (java.io.IOException | TileFormatException e) {
            throw new IllegalStateException("an in-memory tree cannot fail to read", e);
        }
    }

    private long put(int level, byte[] h) {
        if (level == levels.size()) {
            levels.add(new byte[MerkleHash.SIZE * 16]);
            counts.add(0L);
        }
        long index = counts.get(level);
        byte[] buffer = levels.get(level);
        long needed = (index + 1) * MerkleHash.SIZE;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("an in-memory tree holds at most 2^26 leaves");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, buffer.length * 2L)));
            levels.set(level, buffer);
        }
        System.arraycopy(h, 0, buffer, (int) (index * MerkleHash.SIZE), MerkleHash.SIZE);
        counts.set(level, index + 1);
        return index;
    }
}
