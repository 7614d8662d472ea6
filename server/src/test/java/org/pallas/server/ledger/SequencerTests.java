package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Batches become leaves in order, checkpoints are signed and consistent, a tampered log is never signed, and a
 * failing sequencer backs off instead of flooding the log.
 */
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

    @Test
    void theBackOffDoublesFromTheInitialWaitUpToTheMaximum() {
        Duration initial = Duration.ofMillis(500);
        Duration max = Duration.ofMinutes(1);
        assertThat(Sequencer.backOff(1, initial, max)).isEqualTo(Duration.ofMillis(500));
        assertThat(Sequencer.backOff(2, initial, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Sequencer.backOff(3, initial, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Sequencer.backOff(7, initial, max)).isEqualTo(Duration.ofSeconds(32));
        assertThat(Sequencer.backOff(8, initial, max)).isEqualTo(max);
        assertThat(Sequencer.backOff(1000, initial, max)).isEqualTo(max);
    }

    @Test
    void aFailingSequencerBacksOffAndLogsOnceWhenItFailsAndOnceWhenItRecovers() throws Exception {
        sequencer.sequenceAll();
        if (latest().size() % 256 == 0) {
            changes(1);
            sequencer.sequenceAll();
        }
        long edge = latest().size() / 256;
        byte[] original = jdbc.sql("select data from ledger_tile where level = 0 and idx = :i")
                .param("i", edge)
                .query(byte[].class)
                .single();
        byte[] tampered = original.clone();
        tampered[0] ^= 1;
        Logger logger = (Logger) LoggerFactory.getLogger(Sequencer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        jdbc.sql("update ledger_tile set data = :d where level = 0 and idx = :i")
                .param("d", tampered)
                .param("i", edge)
                .update();
        try {
            changes(1);
            sequencer.scheduled();
            assertThat(sequencer.failures()).isEqualTo(1);
            Instant first = sequencer.retryAt();
            assertThat(first).isAfter(Instant.now());
            // Within the back-off the scheduler's rounds do not try again.
            sequencer.scheduled();
            sequencer.scheduled();
            assertThat(sequencer.failures()).isEqualTo(1);
            waitUntil(first);
            sequencer.scheduled();
            assertThat(sequencer.failures()).isEqualTo(2);
            // The second wait is twice the first (0.5 s, then 1 s by default).
            assertThat(Duration.between(first, sequencer.retryAt())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(logged.list)
                    .filteredOn(e -> e.getLevel() == Level.ERROR)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("Ledger sequencing failed"));
        } finally {
            jdbc.sql("update ledger_tile set data = :d where level = 0 and idx = :i")
                    .param("d", original)
                    .param("i", edge)
                    .update();
        }
        try {
            waitUntil(sequencer.retryAt());
            sequencer.scheduled();
            assertThat(sequencer.failures()).isZero();
            assertThat(jdbc.sql("select count(*) from ledger_entry where leaf_index is null")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(logged.list)
                    .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .hasSize(2)
                    .last()
                    .asString()
                    .startsWith("Ledger sequencing recovered after 2 failed attempts");
        } finally {
            logger.detachAppender(logged);
        }
    }

    private static void waitUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis + 20);
        }
    }
}
