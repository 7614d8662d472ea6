package org.pallas.ledger;

import java.io.IOException;

/**
 * Signs checkpoints for one log, and never one that is inconsistent with the previous signed checkpoint
 * (C2SP tlog-checkpoint: a log MUST NOT sign two inconsistent checkpoints; reference §5.2). Before signing it
 * verifies a consistency proof from the previous checkpoint's size and root to the new ones.
 */
public final class CheckpointSigner {
    private final NoteSigner signer;
    private final String origin;

    public CheckpointSigner(NoteSigner signer, String origin) {
        this.signer = signer;
        this.origin = origin;
    }

    public String origin() {
        return origin;
    }

    /**
     * Signs {@code next}, after proving it consistent with {@code previous} (null for the log's first checkpoint)
     * using a consistency proof built from {@code tree}, which must hold the new tree.
     */
    public Note sign(Checkpoint previous, Checkpoint next, HashSource tree)
            throws ConsistencyProofException, NoteFormatException, IOException, TileFormatException {
        ConsistencyProof proof = previous == null || previous.size() == 0 || previous.size() > next.size()
                ? null
                : new ProofBuilder(tree).consistencyProof(previous.size(), next.size());
        return sign(previous, next, proof);
    }

    /** Signs {@code next} if {@code proof} shows it consistent with {@code previous} (null for the first one). */
    public Note sign(Checkpoint previous, Checkpoint next, ConsistencyProof proof)
            throws ConsistencyProofException, NoteFormatException {
        if (!next.origin().equals(origin)) {
            throw new IllegalArgumentException(
                    "checkpoint origin " + next.origin() + " is not this log's origin " + origin);
        }
        if (previous != null) {
            requireConsistent(previous, next, proof);
        }
        return Note.sign(next.text(), signer);
    }

    static void requireConsistent(Checkpoint previous, Checkpoint next, ConsistencyProof proof)
            throws ConsistencyProofException {
        if (!previous.origin().equals(next.origin())) {
            throw new ConsistencyProofException(
                    "previous checkpoint is for origin " + previous.origin() + ", the new one for " + next.origin());
        }
        if (next.size() < previous.size()) {
            throw new ConsistencyProofException(
                    "tree size " + next.size() + " is smaller than the previously signed " + previous.size());
        }
        if (previous.size() == 0) {
            // tlog-witness: growth from the empty tree is consistent if the old root is the empty-tree root.
            if (!MerkleHash.same(previous.rootHash(), MerkleHash.emptyRoot())) {
                throw new ConsistencyProofException("previous checkpoint of size 0 has root "
                        + MerkleHash.hex(previous.rootHash()) + ", not the empty-tree root "
                        + MerkleHash.hex(MerkleHash.emptyRoot()));
            }
            return;
        }
        if (proof == null) {
            throw new ConsistencyProofException(
                    "no consistency proof from tree size " + previous.size() + " to " + next.size());
        }
        proof.verify(previous, next);
    }
}
