package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.ConsistencyProof;
import org.pallas.ledger.MemoryTree;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.NoteVerifier;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Batches become leaves in order, checkpoints are signed and consistent, and a tampered log is never signed. */
@PallasTest
class SequencerTests {

    @Autowired
    Sequencer sequencer;

    @Autowired
    LedgerStore store;

    @Autowired
    LedgerReads reads;

    @Autowired
    LedgerKeys keys;

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private void changes(int count) {
        TestCast cast = new TestCast(jdbc, tokens);
        for (int i = 0; i < count; i++) {
            organisations.create(
                    cast.caller(Who.ADMIN),
                    new OrganisationInput("Sequenced Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, ""));
        }
    }

    private Checkpoint latest() throws Exception {
        return Checkpoint.open(store.latestCheckpoint().orElseThrow().note(), List.of(keys.verifier()));
    }

    @Test
    void signsACheckpointWhoseRootIsTheTreeOfEveryEntryInLeafOrder() throws Exception {
        changes(3);
        sequencer.sequenceAll();

        Checkpoint checkpoint = latest();
        assertThat(jdbc.sql("select count(*) from ledger_entry where leaf_index is null")
                        .query(Long.class)
                        .single())
                .isZero();
        List<byte[]> leaves = jdbc.sql("select entry from ledger_entry order by leaf_index")
                .query((rs, n) -> rs.getBytes(1))
                .list();
        assertThat(checkpoint.size()).isEqualTo(leaves.size());
        MemoryTree tree = new MemoryTree();
        leaves.forEach(leaf -> tree.appendLeafHash(MerkleHash.leaf(leaf)));
        assertThat(MerkleHash.hex(checkpoint.rootHash())).isEqualTo(MerkleHash.hex(tree.rootHash()));
        assertThat(checkpoint.origin()).isEqualTo(reads.origin());
        assertThat(NoteVerifier.parse(reads.verifierKey()).keyId())
                .isEqualTo(keys.verifier().keyId());
    }

    @Test
    void eachCheckpointIsConsistentWithThePreviousOne() throws Exception {
        sequencer.sequenceAll();
        Checkpoint before = latest();
        changes(5);
        sequencer.sequenceAll();
        Checkpoint after = latest();
        assertThat(after.size()).isEqualTo(before.size() + 5);

        LedgerReads.Consistency json = reads.consistency(before.size(), after.size());
        new ConsistencyProof(
                        before.size(),
                        after.size(),
                        json.hashes().stream().map(Base64.getDecoder()::decode).toList())
                .verify(before.rootHash(), after.rootHash());
    }

    @Test
    void nothingPendingSignsNothing() throws Exception {
        sequencer.sequenceAll();
        long checkpoints = jdbc.sql("select count(*) from ledger_checkpoint")
                .query(Long.class)
                .single();
        assertThat(sequencer.sequenceAll()).isEmpty();
        assertThat(jdbc.sql("select count(*) from ledger_checkpoint")
                        .query(Long.class)
                        .single())
                .isEqualTo(checkpoints);
    }

    @Test
    void refusesToSignWhenAStoredTileNoLongerGivesThePreviousRoot() throws Exception {
        sequencer.sequenceAll();
        if (latest().size() % 256 == 0) {
            changes(1);
            sequencer.sequenceAll();
        }
        Checkpoint before = latest();
        // The right-edge partial tile: the next batch extends it, and the consistency proof reads it.
        long edge = before.size() / 256;
        byte[] original = jdbc.sql("select data from ledger_tile where level = 0 and idx = :i")
                .param("i", edge)
                .query(byte[].class)
                .single();
        byte[] tampered = original.clone();
        tampered[0] ^= 1;
        jdbc.sql("update ledger_tile set data = :d where level = 0 and idx = :i")
                .param("d", tampered)
                .param("i", edge)
                .update();
        try {
            changes(1);
            assertThatThrownBy(sequencer::sequenceAll)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot sequence 1 ledger entries");
            assertThat(latest().size()).isEqualTo(before.size());
            assertThat(jdbc.sql("select count(*) from ledger_entry where leaf_index is null")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            jdbc.sql("update ledger_tile set data = :d where level = 0 and idx = :i")
                    .param("d", original)
                    .param("i", edge)
                    .update();
        }
        assertThat(sequencer.sequenceAll()).isPresent();
        assertThat(latest().size()).isEqualTo(before.size() + 1);
    }

    @Test
    void onlyTheHolderOfTheAdvisoryLockSequences() throws Exception {
        changes(1);
        // Another instance holds the lock in its own session: this one must skip the round.
        try (Connection other = dataSource.getConnection();
                Statement sql = other.createStatement()) {
            sql.execute("select pg_advisory_lock(" + Sequencer.LOCK + ")");
            try {
                assertThat(sequencer.sequenceBatch()).isEmpty();
            } finally {
                sql.execute("select pg_advisory_unlock(" + Sequencer.LOCK + ")");
            }
        }
        assertThat(sequencer.sequenceAll()).isPresent();
    }
}
