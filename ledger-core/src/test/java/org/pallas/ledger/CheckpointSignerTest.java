package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log never signs a checkpoint that is inconsistent with the previous one (C2SP tlog-checkpoint). */
class CheckpointSignerTest {
    private static final String ORIGIN = "pallas.test/ledger";
    private final NoteSigner key = signer();
    private final CheckpointSigner signer = new CheckpointSigner(key, ORIGIN);

    @Test
    void signsTheFirstCheckpointAndConsistentGrowth() throws Exception {
        MemoryTree tree = ReferenceTree.tree(8);
        Checkpoint six = new Checkpoint(ORIGIN, 6, ReferenceTree.root(6));
        Checkpoint eight = new Checkpoint(ORIGIN, 8, ReferenceTree.root(8));

        Note first = signer.sign(null, six, tree);
        Note second = signer.sign(six, eight, tree);

        assertThat(Checkpoint.open(first.encode(), List.of(key.verifier()))).isEqualTo(six);
        assertThat(Checkpoint.open(second.encode(), List.of(key.verifier()))).isEqualTo(eight);
        assertThat(signer.sign(eight, eight, tree).text()).isEqualTo(eight.text());
    }

    @Test
    void refusesToSignARootThatIsNotTheTreeItClaimsToExtend() {
        MemoryTree tree = ReferenceTree.tree(8);
        Checkpoint six = new Checkpoint(ORIGIN, 6, ReferenceTree.root(6));
        Checkpoint wrongEight = new Checkpoint(ORIGIN, 8, ReferenceTree.root(7));

        assertThatThrownBy(() -> signer.sign(six, wrongEight, tree))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessageStartingWith("consistency proof gives root " + ReferenceTree.ROOTS.get(8)
                        + " for tree size 8, expected " + ReferenceTree.ROOTS.get(7));
    }

    @Test
    void refusesToSignAForkOfTheSameSize() {
        Checkpoint eight = new Checkpoint(ORIGIN, 8, ReferenceTree.root(8));
        Checkpoint other = new Checkpoint(ORIGIN, 8, ReferenceTree.root(7));

        assertThatThrownBy(() -> signer.sign(eight, other, ReferenceTree.tree(8)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage("two roots for tree size 8: " + ReferenceTree.ROOTS.get(8) + " and "
                        + ReferenceTree.ROOTS.get(7));
    }

    @Test
    void refusesToSignASmallerTree() {
        Checkpoint eight = new Checkpoint(ORIGIN, 8, ReferenceTree.root(8));
        Checkpoint six = new Checkpoint(ORIGIN, 6, ReferenceTree.root(6));

        assertThatThrownBy(() -> signer.sign(eight, six, ReferenceTree.tree(8)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage("tree size 6 is smaller than the previously signed 8");
    }

    @Test
    void acceptsGrowthFromTheEmptyTreeOnlyWithTheEmptyRoot() throws Exception {
        Checkpoint empty = new Checkpoint(ORIGIN, 0, MerkleHash.emptyRoot());
        Checkpoint badEmpty = new Checkpoint(ORIGIN, 0, ReferenceTree.root(1));
        Checkpoint three = new Checkpoint(ORIGIN, 3, ReferenceTree.root(3));

        assertThat(signer.sign(empty, three, ReferenceTree.tree(3)).text()).isEqualTo(three.text());
        assertThatThrownBy(() -> signer.sign(badEmpty, three, ReferenceTree.tree(3)))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage("previous checkpoint of size 0 has root " + ReferenceTree.ROOTS.get(1)
                        + ", not the empty-tree root " + ReferenceTree.ROOTS.get(0));
    }

    @Test
    void refusesAConsistencyProofForOtherSizes() throws Exception {
        Checkpoint six = new Checkpoint(ORIGIN, 6, ReferenceTree.root(6));
        Checkpoint eight = new Checkpoint(ORIGIN, 8, ReferenceTree.root(8));
        ConsistencyProof sevenToEight = new ProofBuilder(ReferenceTree.tree(8)).consistencyProof(7, 8);

        assertThatThrownBy(() -> signer.sign(six, eight, sevenToEight))
                .isInstanceOf(ConsistencyProofException.class)
                .hasMessage(
                        "consistency proof is for tree sizes 7 to 8, but the checkpoints are for tree sizes 6 to 8");
        assertThatThrownBy(
                        () -> signer.sign(six, new Checkpoint("other.origin", 8, ReferenceTree.root(8)), sevenToEight))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpoint origin other.origin is not this log's origin pallas.test/ledger");
    }

    private static NoteSigner signer() {
        try {
            return NoteSigner.fromSeed(ORIGIN, new byte[32]);
        } catch (NoteFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
