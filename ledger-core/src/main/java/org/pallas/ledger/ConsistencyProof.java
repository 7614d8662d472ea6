package org.pallas.ledger;

import static org.pallas.ledger.MerkleHash.hex;

import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof that the tree of size {@code fromSize} is a prefix of the tree of
 * size {@code toSize}. Both sizes and roots must come from verified checkpoints.
 *
 * <p>Verification follows transparency-dev/merkle's strict semantics: a proof from the empty tree is
 * meaningless and rejected (merkle PRs #140, #236); the witness rule for size 0 lives in the auditor.
 */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> hashes) {

    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }

    /** Checks that {@code to} extends {@code from}, two verified checkpoints of one log, with this proof. */
    public void verify(Checkpoint from, Checkpoint to) throws ConsistencyProofException {
        if (from.size() != fromSize || to.size() != toSize) {
            throw new ConsistencyProofException("consistency proof is for tree sizes " + fromSize + " to " + toSize
                    + ", but the checkpoints are for tree sizes " + from.size() + " to " + to.size());
        }
        verify(from.rootHash(), to.rootHash());
    }

    public void verify(byte[] fromRoot, byte[] toRoot) throws ConsistencyProofException {
        if (fromSize < 0 || toSize < fromSize) {
            throw new ConsistencyProofException(
                    "tree size " + toSize + " is smaller than the earlier tree size " + fromSize);
        }
        if (fromSize == 0) {
            throw new ConsistencyProofException("a consistency proof from the empty tree (size 0) is meaningless");
        }
        requireRoot(fromRoot, "root of tree size " + fromSize);
        requireRoot(toRoot, "root of tree size " + toSize);
        if (fromSize == toSize) {
            if (!hashes.isEmpty()) {
                throw new ConsistencyProofException("a consistency proof between equal tree sizes " + fromSize
                        + " must be empty, got " + hashes.size() + " hashes");
            }
            if (!MerkleHash.same(fromRoot, toRoot)) {
                throw new ConsistencyProofException(
                        "two roots for tree size " + fromSize + ": " + hex(fromRoot) + " and " + hex(toRoot));
            }
            return;
        }
        if (hashes.isEmpty()) {
            throw new ConsistencyProofException(
                    "consistency proof from tree size " + fromSize + " to " + toSize + " is empty");
        }
        int expected = TreeMath.consistencyProofLength(fromSize, toSize);
        if (hashes.size() != expected) {
            throw new ConsistencyProofException("consistency proof from tree size " + fromSize + " to " + toSize
                    + " must have " + expected + " hashes, got " + hashes.size());
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!MerkleHash.isHash(hashes.get(i))) {
                throw new ConsistencyProofException("consistency proof hash " + i + " must be 32 bytes, got "
                        + MerkleHash.describeLength(hashes.get(i)));
            }
        }
        // RFC 9162 §2.1.4.2: when the old tree is perfect its root is the implicit first element.
        int next = 0;
        byte[] seed = TreeMath.isPowerOfTwo(fromSize) ? fromRoot : hashes.get(next++);
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (; next < hashes.size(); next++) {
            byte[] c = hashes.get(next);
            if (sn == 0) {
                throw new ConsistencyProofException(
                        "consistency proof from tree size " + fromSize + " to " + toSize + " is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ConsistencyProofException(
                    "consistency proof from tree size " + fromSize + " to " + toSize + " is too short");
        }
        if (!MerkleHash.same(fr, fromRoot)) {
            throw new ConsistencyProofException("consistency proof gives root " + hex(fr) + " for tree size " + fromSize
                    + ", expected " + hex(fromRoot));
        }
        if (!MerkleHash.same(sr, toRoot)) {
            throw new ConsistencyProofException("consistency proof gives root " + hex(sr) + " for tree size " + toSize
                    + ", expected " + hex(toRoot));
        }
    }

    private static void requireRoot(byte[] root, String what) throws ConsistencyProofException {
        if (!MerkleHash.isHash(root)) {
            throw new ConsistencyProofException(
                    what + " must be a 32-byte hash, got " + MerkleHash.describeLength(root));
        }
    }
}
