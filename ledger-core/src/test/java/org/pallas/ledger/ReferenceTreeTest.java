package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.ledger.ReferenceTree.hexes;
import static org.pallas.ledger.ReferenceTree.named;
import static org.pallas.ledger.ReferenceTree.node;
import static org.pallas.ledger.ReferenceTree.root;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RFC 6962 reference tree: published roots and proofs (reference §2.2 to §2.5). */
class ReferenceTreeTest {

    @Test
    void computesThePublishedRootForEverySize() throws Exception {
        for (int size = 0; size <= 8; size++) {
            MemoryTree tree = ReferenceTree.tree(size);
            assertThat(MerkleHash.hex(tree.rootHash()))
                    .as("root of size %d", size)
                    .isEqualTo(ReferenceTree.ROOTS.get(size));
        }
        assertThat(MerkleHash.hex(ReferenceTree.tree(7).hash(0, 6))).isEqualTo(ReferenceTree.NODES.get("L6"));
    }

    @ParameterizedTest(name = "PATH({0}, D[0:{1}]) = {2}")
    @CsvSource(delimiter = ';', textBlock = """
            0;1;(empty)
            0;2;L1
            1;2;L0
            0;3;L1, L2
            1;3;L0, L2
            2;3;N[0:2)
            0;4;L1, N[2:4)
            1;4;L0, N[2:4)
            2;4;L3, N[0:2)
            3;4;L2, N[0:2)
            0;5;L1, N[2:4), L4
            1;5;L0, N[2:4), L4
            2;5;L3, N[0:2), L4
            3;5;L2, N[0:2), L4
            4;5;N[0:4)
            0;6;L1, N[2:4), N[4:6)
            1;6;L0, N[2:4), N[4:6)
            2;6;L3, N[0:2), N[4:6)
            3;6;L2, N[0:2), N[4:6)
            4;6;L5, N[0:4)
            5;6;L4, N[0:4)
            0;7;L1, N[2:4), N[4:7)
            1;7;L0, N[2:4), N[4:7)
            2;7;L3, N[0:2), N[4:7)
            3;7;L2, N[0:2), N[4:7)
            4;7;L5, L6, N[0:4)
            5;7;L4, L6, N[0:4)
            6;7;N[4:6), N[0:4)
            0;8;L1, N[2:4), N[4:8)
            1;8;L0, N[2:4), N[4:8)
            2;8;L3, N[0:2), N[4:8)
            3;8;L2, N[0:2), N[4:8)
            4;8;L5, N[6:8), N[0:4)
            5;8;L4, N[6:8), N[0:4)
            6;8;L7, N[4:6), N[0:4)
            7;8;L6, N[4:6), N[0:4)
            """)
    void generatesAndVerifiesEveryInclusionProofOfTheReferenceTree(int index, int size, String path) throws Exception {
        InclusionProof proof = new ProofBuilder(ReferenceTree.tree(8)).inclusionProof(index, size);

        assertThat(hexes(proof.hashes())).isEqualTo(named(path));
        proof.verify(node("L" + index), root(size));
    }

    @ParameterizedTest(name = "PROOF({0}, D[0:{1}]) = {2}")
    @CsvSource(delimiter = ';', textBlock = """
            1;2;L1
            1;3;L1, L2
            2;3;L2
            1;4;L1, N[2:4)
            2;4;N[2:4)
            3;4;L2, L3, N[0:2)
            1;5;L1, N[2:4), L4
            2;5;N[2:4), L4
            3;5;L2, L3, N[0:2), L4
            4;5;L4
            1;6;L1, N[2:4), N[4:6)
            2;6;N[2:4), N[4:6)
            3;6;L2, L3, N[0:2), N[4:6)
            4;6;N[4:6)
            5;6;L4, L5, N[0:4)
            1;7;L1, N[2:4), N[4:7)
            2;7;N[2:4), N[4:7)
            3;7;L2, L3, N[0:2), N[4:7)
            4;7;N[4:7)
            5;7;L4, L5, L6, N[0:4)
            6;7;N[4:6), L6, N[0:4)
            1;8;L1, N[2:4), N[4:8)
            2;8;N[2:4), N[4:8)
            3;8;L2, L3, N[0:2), N[4:8)
            4;8;N[4:8)
            5;8;L4, L5, N[6:8), N[0:4)
            6;8;N[4:6), N[6:8), N[0:4)
            7;8;L6, L7, N[4:6), N[0:4)
            """)
    void generatesAndVerifiesEveryConsistencyProofOfTheReferenceTree(int from, int to, String path) throws Exception {
        ConsistencyProof proof = new ProofBuilder(ReferenceTree.tree(8)).consistencyProof(from, to);

        assertThat(hexes(proof.hashes())).isEqualTo(named(path));
        proof.verify(root(from), root(to));
    }

    @Test
    void verifiesThePublishedInclusionProofs() throws Exception {
        new InclusionProof(0, 1, List.of()).verify(node("L0"), root(1));
        new InclusionProof(0, 8, proof("L1, N[2:4), N[4:8)")).verify(node("L0"), root(8));
        new InclusionProof(5, 8, proof("L4, N[6:8), N[0:4)")).verify(node("L5"), root(8));
        new InclusionProof(2, 3, proof("N[0:2)")).verify(node("L2"), root(3));
        new InclusionProof(1, 5, proof("L0, N[2:4), L4")).verify(node("L1"), root(5));
    }

    @Test
    void verifiesThePublishedConsistencyProofs() throws Exception {
        new ConsistencyProof(1, 1, List.of()).verify(root(1), root(1));
        new ConsistencyProof(1, 8, proof("L1, N[2:4), N[4:8)")).verify(root(1), root(8));
        new ConsistencyProof(6, 8, proof("N[4:6), N[6:8), N[0:4)")).verify(root(6), root(8));
        new ConsistencyProof(2, 5, proof("N[2:4), L4")).verify(root(2), root(5));
        new ConsistencyProof(6, 7, proof("N[4:6), L6, N[0:4)")).verify(root(6), root(7));
    }

    @Test
    void rejectsALeafIndexAtOrBeyondTheTreeSizeWhereABareRfcLoopWouldAccept() {
        // Reference §1.7: without step 1 the size-4 proof of leaf 0 verifies for index 4, 8 and 12.
        List<byte[]> path = proof("L1, N[2:4)");
        for (long index : new long[] {4, 8, 12}) {
            assertThatThrownBy(() -> new InclusionProof(index, 4, path).verify(node("L0"), root(4)))
                    .isInstanceOf(InclusionProofException.class)
                    .hasMessage("leaf index " + index + " is not below tree size 4");
        }
    }

    @Test
    void acceptsTheSizeFiveProofOfLeafZeroForLargerClaimedSizesSoSizesMustComeFromCheckpoints() throws Exception {
        // Reference §1.7: a proof does not bind the tree size. This documents why the API takes size and root
        // together from a verified checkpoint.
        List<byte[]> path = proof("L1, N[2:4), L4");
        for (long size = 5; size <= 8; size++) {
            new InclusionProof(0, size, path).verify(node("L0"), root(5));
        }
        assertThatThrownBy(() -> new InclusionProof(4, 6, proof("N[0:4)")).verify(node("L4"), root(5)))
                .isInstanceOf(InclusionProofException.class)
                .hasMessage("inclusion proof for leaf 4 in tree size 6 must have 2 hashes, got 1");
    }

    @Test
    void takesTheTreeSizeFromTheCheckpointNotFromTheProof() throws Exception {
        Checkpoint eight = new Checkpoint("log", 8, root(8));
        InclusionProof claimsFive = new InclusionProof(0, 5, proof("L1, N[2:4), L4"));
        assertThatThrownBy(() -> claimsFive.verify(node("L0"), eight))
                .isInstanceOf(InclusionProofException.class)
                .hasMessage("inclusion proof is for tree size 5, but the checkpoint is for tree size 8");
        new InclusionProof(0, 8, proof("L1, N[2:4), N[4:8)")).verify(node("L0"), eight);
        ConsistencyProof sixToEight = new ConsistencyProof(6, 8, proof("N[4:6), N[6:8), N[0:4)"));
        sixToEight.verify(new Checkpoint("log", 6, root(6)), eight);
        assertThatThrownBy(
                        () -> sixToEight.verify(new Checkpoint("log", 6, root(6)), new Checkpoint("log", 7, root(8))))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage(
                        "consistency proof is for tree sizes 6 to 8, but the checkpoints are for tree sizes 6 to 7");
    }

    @Test
    void reportsComputedAndExpectedRootsWhenAnInclusionProofFails() {
        assertThatThrownBy(() -> new InclusionProof(5, 8, proof("L4, N[6:8), N[0:4)")).verify(node("L6"), root(8)))
                .isInstanceOf(InclusionProofException.class)
                .hasMessageStartingWith("inclusion proof for leaf 5 in tree size 8 gives root ")
                .hasMessageEndingWith(", expected " + ReferenceTree.ROOTS.get(8));
    }

    @Test
    void rejectsAnEmptyConsistencyProofBetweenDifferentSizes() {
        assertThatThrownBy(() -> new ConsistencyProof(4, 8, List.of()).verify(root(4), root(8)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage("consistency proof from tree size 4 to 8 is empty");
    }

    @Test
    void rejectsConsistencyFromTheEmptyTree() {
        assertThatThrownBy(() -> new ConsistencyProof(0, 8, List.of()).verify(root(0), root(8)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage("a consistency proof from the empty tree (size 0) is meaningless");
    }

    @Test
    void rejectsEqualSizesWithDifferentRootsAsAFork() {
        assertThatThrownBy(() -> new ConsistencyProof(8, 8, List.of()).verify(root(8), root(7)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage("two roots for tree size 8: " + ReferenceTree.ROOTS.get(8) + " and "
                        + ReferenceTree.ROOTS.get(7));
    }

    @Test
    void rejectsAShrinkingTree() {
        assertThatThrownBy(() -> new ConsistencyProof(8, 6, List.of()).verify(root(8), root(6)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage("tree size 6 is smaller than the earlier tree size 8");
    }

    @Test
    void rejectsConsistencyProofsWhoseOrderIsSwapped() {
        // Barre/compact_log #13: the element order is part of the format.
        assertThatThrownBy(() -> new ConsistencyProof(6, 8, proof("N[6:8), N[4:6), N[0:4)")).verify(root(6), root(8)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessageContaining("expected " + ReferenceTree.ROOTS.get(6));
    }

    @Test
    void acceptsTheSixToEightConsistencyProofForSizesSevenAndEightOnlyThroughTheRoot() throws Exception {
        // Reference §1.7: the 6 -> 8 proof also passes the structural checks for second = 7.
        List<byte[]> path = proof("N[4:6), N[6:8), N[0:4)");
        assertThatThrownBy(() -> new ConsistencyProof(6, 7, path).verify(root(6), root(7)))
                .isInstanceOf(ConsistencyProofException.class);
        new ConsistencyProof(6, 7, path).verify(root(6), root(8));
    }

    @Test
    void matchesTheRfc9162WorkedExample() throws Exception {
        ProofBuilder builder = new ProofBuilder(ReferenceTree.tree(7));
        assertThat(hexes(builder.inclusionProof(0, 7).hashes())).isEqualTo(named("L1, N[2:4), N[4:7)"));
        assertThat(hexes(builder.inclusionProof(6, 7).hashes())).isEqualTo(named("N[4:6), N[0:4)"));
        assertThat(hexes(builder.consistencyProof(3, 7).hashes())).isEqualTo(named("L2, L3, N[0:2), N[4:7)"));
        assertThat(hexes(builder.consistencyProof(4, 7).hashes())).isEqualTo(named("N[4:7)"));
        assertThat(hexes(builder.consistencyProof(6, 7).hashes())).isEqualTo(named("N[4:6), L6, N[0:4)"));
    }

    private static List<byte[]> proof(String row) {
        return named(row).stream().map(ReferenceTree::hex).toList();
    }
}
