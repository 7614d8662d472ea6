package org.pallas.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates RFC 9162 roots, inclusion proofs and consistency proofs from a {@link HashSource} (an in-memory
 * tree, or tiles). Each proof reads O(log n) stored nodes: at most one right-border range is not a perfect
 * subtree, and it decomposes into at most log n perfect ones.
 */
public final class ProofBuilder {
    private final HashSource source;

    public ProofBuilder(HashSource source) {
        this.source = source;
    }

    public byte[] rootHash(long treeSize) throws IOException, TileFormatException {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        return treeSize == 0 ? MerkleHash.emptyRoot() : rangeHash(0, treeSize);
    }

    public InclusionProof inclusionProof(long leafIndex, long treeSize) throws IOException, TileFormatException {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not below tree size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>(TreeMath.inclusionProofLength(leafIndex, treeSize));
        path(leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    /** PROOF(m, D[0:n]) for 0 &lt; m &lt;= n; empty for equal sizes. */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) throws IOException, TileFormatException {
        if (fromSize <= 0 || toSize < fromSize) {
            throw new IllegalArgumentException(
                    "a consistency proof needs 0 < fromSize <= toSize, got " + fromSize + " and " + toSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (fromSize < toSize) {
            subproof(fromSize, 0, toSize, true, proof);
        }
        return new ConsistencyProof(fromSize, toSize, proof);
    }

    // PATH(m, D[start:end]) of RFC 9162 §2.1.3.1: deeper siblings first.
    private void path(long m, long start, long end, List<byte[]> out) throws IOException, TileFormatException {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = TreeMath.split(n);
        if (m - start < k) {
            path(m, start, start + k, out);
            out.add(rangeHash(start + k, end));
        } else {
            path(m, start + k, end, out);
            out.add(rangeHash(start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1.
    private void subproof(long m, long start, long end, boolean whole, List<byte[]> out)
            throws IOException, TileFormatException {
        long n = end - start;
        if (m - start == n) {
            if (!whole) {
                out.add(rangeHash(start, end));
            }
            return;
        }
        long k = TreeMath.split(n);
        if (m - start <= k) {
            subproof(m, start, start + k, whole, out);
            out.add(rangeHash(start + k, end));
        } else {
            subproof(m, start + k, end, false, out);
            out.add(rangeHash(start, start + k));
        }
    }

    // MTH(D[start:end]); start is always aligned to the largest power of two not above the range length.
    private byte[] rangeHash(long start, long end) throws IOException, TileFormatException {
        long n = end - start;
        if (TreeMath.isPowerOfTwo(n)) {
            int level = Long.numberOfTrailingZeros(n);
            return source.hash(level, start >>> level);
        }
        long k = TreeMath.split(n);
        return MerkleHash.node(rangeHash(start, start + k), rangeHash(start + k, end));
    }
}
