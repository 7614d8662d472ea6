package org.pallas.ledger;

import java.io.IOException;

/**
 * Where proofs get their hashes from: the hash of the perfect subtree at {@code level}, {@code index}, which
 * covers leaves {@code [index·2^level, (index+1)·2^level)}. Only perfect subtrees are stored by a log; the
 * ephemeral nodes on the right border of a tree are recomputed by {@link ProofBuilder}.
 */
@FunctionalInterface
public interface HashSource {
    byte[] hash(int level, long index) throws IOException, TileFormatException;
}
