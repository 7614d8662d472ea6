package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random trees: every generated proof verifies, and any change to a proof, a root, a leaf, an
 * index or a size makes verification fail. A size change is paired with the root of the changed size, as a
 * checkpoint would pair them (reference §1.7: size alone is not bound by a proof).
 *
 * <p>Each case derives its tree from a fixed seed, so a failure names the seed that reproduces it. Written with
 * plain JUnit parameterised tests rather than jqwik: see the module README.
 */
class MerkleProofProperties {
    private static final int MAX_SIZE = 700;

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyInclusionProofVerifiesAndEveryMutationFails(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryTree tree = randomTree(random);
        ProofBuilder builder = new ProofBuilder(tree);
        long size = 1 + random.nextInt((int) tree.size());
        long index = random.nextInt((int) size);
        byte[] leaf = tree.hash(0, index);
        byte[] root = builder.rootHash(size);
        InclusionProof proof = builder.inclusionProof(index, size);

        proof.verify(leaf, root);

        assertThatThrownBy(() -> proof.verify(flip(leaf, random), root)).isInstanceOf(InclusionProofException.class);
        assertThatThrownBy(() -> proof.verify(leaf, flip(root, random))).isInstanceOf(InclusionProofException.class);
        long otherIndex = other(index, size, random);
        if (otherIndex >= 0) {
            assertThatThrownBy(() -> new InclusionProof(otherIndex, size, proof.hashes()).verify(leaf, root))
                    .isInstanceOf(InclusionProofException.class);
        }
        long otherSize = other(size - 1, tree.size(), random) + 1;
        if (otherSize > 0) {
            byte[] otherRoot = builder.rootHash(otherSize);
            assertThatThrownBy(() -> new InclusionProof(index, otherSize, proof.hashes()).verify(leaf, otherRoot))
                    .isInstanceOf(InclusionProofException.class);
        }
        for (List<byte[]> mutated : mutations(proof.hashes(), random)) {
            assertThatThrownBy(() -> new InclusionProof(index, size, mutated).verify(leaf, root))
                    .isInstanceOf(InclusionProofException.class);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyConsistencyProofVerifiesAndEveryMutationFails(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryTree tree = randomTree(random);
        if (tree.size() < 2) {
            return;
        }
        ProofBuilder builder = new ProofBuilder(tree);
        long to = 2 + random.nextInt((int) tree.size() - 1);
        long from = 1 + random.nextInt((int) to - 1);
        byte[] fromRoot = builder.rootHash(from);
        byte[] toRoot = builder.rootHash(to);
        ConsistencyProof proof = builder.consistencyProof(from, to);

        proof.verify(fromRoot, toRoot);

        assertThatThrownBy(() -> proof.verify(flip(fromRoot, random), toRoot))
                .isInstanceOf(ConsistencyProofException.class);
        assertThatThrownBy(() -> proof.verify(fromRoot, flip(toRoot, random)))
                .isInstanceOf(ConsistencyProofException.class);
        assertThatThrownBy(() -> proof.verify(toRoot, fromRoot)).isInstanceOf(ConsistencyProofException.class);
        long otherFrom = other(from - 1, to - 1, random) + 1;
        if (otherFrom > 0) {
            byte[] otherRoot = builder.rootHash(otherFrom);
            assertThatThrownBy(() -> new ConsistencyProof(otherFrom, to, proof.hashes()).verify(otherRoot, toRoot))
                    .isInstanceOf(ConsistencyProofException.class);
        }
        long otherTo = from + 1 + other(to - from - 1, tree.size() - from, random);
        if (otherTo > from && otherTo != to) {
            byte[] otherRoot = builder.rootHash(otherTo);
            assertThatThrownBy(() -> new ConsistencyProof(from, otherTo, proof.hashes()).verify(fromRoot, otherRoot))
                    .isInstanceOf(ConsistencyProofException.class);
        }
        for (List<byte[]> mutated : mutations(proof.hashes(), random)) {
            assertThatThrownBy(() -> new ConsistencyProof(from, to, mutated).verify(fromRoot, toRoot))
                    .isInstanceOf(ConsistencyProofException.class);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactProofLengthsMatchTheGeneratedProofs(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryTree tree = randomTree(random);
        ProofBuilder builder = new ProofBuilder(tree);
        for (long size = 1; size <= tree.size(); size += 1 + random.nextInt(40)) {
            long index = random.nextInt((int) size);
            org.assertj.core.api.Assertions.assertThat(
                            builder.inclusionProof(index, size).hashes())
                    .hasSize(TreeMath.inclusionProofLength(index, size));
            long from = 1 + random.nextInt((int) size);
            org.assertj.core.api.Assertions.assertThat(
                            builder.consistencyProof(from, size).hashes())
                    .hasSize(from == size ? 0 : TreeMath.consistencyProofLength(from, size));
        }
    }

    private static MemoryTree randomTree(Random random) {
        MemoryTree tree = new MemoryTree();
        int size = 1 + random.nextInt(MAX_SIZE);
        for (int i = 0; i < size; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            tree.appendData(data);
        }
        return tree;
    }

    /** A value in [0, bound) other than {@code value}, or -1 if there is none. */
    private static long other(long value, long bound, Random random) {
        if (bound < 2) {
            return -1;
        }
        long candidate = random.nextInt((int) bound - 1);
        return candidate >= value ? candidate + 1 : candidate;
    }

    private static byte[] flip(byte[] hash, Random random) {
        byte[] copy = hash.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    /** Each element bit-flipped, one element removed, one random element inserted, two elements swapped. */
    private static List<List<byte[]>> mutations(List<byte[]> proof, Random random) {
        List<List<byte[]>> out = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> m = new ArrayList<>(proof);
            m.set(i, flip(m.get(i), random));
            out.add(m);
        }
        if (!proof.isEmpty()) {
            List<byte[]> removed = new ArrayList<>(proof);
            removed.remove(random.nextInt(proof.size()));
            out.add(removed);
        }
        List<byte[]> inserted = new ArrayList<>(proof);
        byte[] extra = new byte[32];
        random.nextBytes(extra);
        inserted.add(random.nextInt(proof.size() + 1), extra);
        out.add(inserted);
        if (proof.size() >= 2) {
            int i = random.nextInt(proof.size());
            int j = (i + 1 + random.nextInt(proof.size() - 1)) % proof.size();
            List<byte[]> swapped = new ArrayList<>(proof);
            swapped.set(i, proof.get(j));
            swapped.set(j, proof.get(i));
            out.add(swapped);
        }
        return out;
    }
}
