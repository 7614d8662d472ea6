package org.pallas.ledger;

import static org.pallas.ledger.MerkleHash.hex;

import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path of leaf {@code leafIndex} in the tree of size
 * {@code treeSize}, the leaf's sibling first and the root's child last.
 *
 * <p>A proof does not pin the tree size (the size-5 proof of leaf 0 also verifies for sizes 6 to 8), so
 * the size and the root passed to {@link #verify} must come together from one verified checkpoint, never
 * from the request that asked for the proof.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {

    public InclusionProof {
        hashes = List.copyOf(hashes);
    }

    /**
     * Checks that {@code leafHash} is leaf {@code leafIndex} of the tree of a verified checkpoint. Prefer this
     * to {@link #verify(byte[], byte[])}: the size comes from the checkpoint, not from whoever sent the proof.
     */
    public void verify(byte[] leafHash, Checkpoint checkpoint) throws InclusionProofException {
        if (checkpoint.size() != treeSize) {
            throw new InclusionProofException("inclusion proof is for tree size " + treeSize
                    + ", but the checkpoint is for tree size " + checkpoint.size());
        }
        verify(leafHash, checkpoint.rootHash());
    }

    /** Checks that {@code leafHash} is leaf {@code leafIndex} of the tree whose root is {@code root}. */
    public void verify(byte[] leafHash, byte[] root) throws InclusionProofException {
        if (!MerkleHash.isHash(root)) {
            throw new InclusionProofException("root must be a 32-byte hash, got " + MerkleHash.describeLength(root));
        }
        byte[] computed = rootFrom(leafHash);
        if (!MerkleHash.same(computed, root)) {
            throw new InclusionProofException("inclusion proof for leaf " + leafIndex + " in tree size " + treeSize
                    + " gives root " + hex(computed) + ", expected " + hex(root));
        }
    }

    /** The root that this proof and {@code leafHash} imply, after every structural check of RFC 9162 §2.1.3.2. */
    public byte[] rootFrom(byte[] leafHash) throws InclusionProofException {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            throw new InclusionProofException("leaf index " + leafIndex + " is not below tree size " + treeSize);
        }
        if (!MerkleHash.isHash(leafHash)) {
            throw new InclusionProofException(
                    "leaf hash must be a 32-byte hash, got " + MerkleHash.describeLength(leafHash));
        }
        int expected = TreeMath.inclusionProofLength(leafIndex, treeSize);
        if (hashes.size() != expected) {
            throw new InclusionProofException("inclusion proof for leaf " + leafIndex + " in tree size " + treeSize
                    + " must have " + expected + " hashes, got " + hashes.size());
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!MerkleHash.isHash(hashes.get(i))) {
                throw new InclusionProofException("inclusion proof hash " + i + " must be 32 bytes, got "
                        + MerkleHash.describeLength(hashes.get(i)));
            }
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : hashes) {
            if (sn == 0) {
                throw new InclusionProofException(
                        "inclusion proof for leaf " + leafIndex + " in tree size " + treeSize + " is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                // Skip the levels where the node sits on the right border and has no right sibling.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InclusionProofException(
                    "inclusion proof for leaf " + leafIndex + " in tree size " + treeSize + " is too short");
        }
        return r;
    }
}
