package org.pallas.server.ledger;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.CheckpointSigner;
import org.pallas.ledger.LedgerException;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.Note;
import org.pallas.ledger.TileHashSource;
import org.pallas.ledger.TileId;
import org.pallas.ledger.TileIntegrator;
import org.pallas.ledger.TileReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sequences recorded entries into the log in batches: assigns leaf indexes in commit-visibility order,
 * integrates them into the tiles, and signs a checkpoint for the new tree, all in one transaction. Only
 * the holder of a PostgreSQL advisory lock sequences, so several server instances may run; the others
 * skip the round and keep serving reads. The signer proves the new tree consistent with the previous
 * signed checkpoint (recomputed from the stored tiles) before it signs, so a tampered tile stops the log
 * instead of producing a fork.
 */
@Component
class Sequencer {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    /** The advisory lock key: "PALLEDGR" as a 64-bit number, unlikely to collide with other users. */
    static final long LOCK = 0x50414c4c45444752L;

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final CheckpointSigner signer;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;

    Sequencer(
            LedgerStore store,
            LedgerKeys keys,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            @Value("${pallas.ledger.batch-size:4096}") int batchSize) {
        this.store = store;
        this.keys = keys;
        this.signer = new CheckpointSigner(keys.signer(), keys.origin());
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sequences what was recorded before the application became ready (demo seed, changes before a crash). */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        scheduled();
    }

    /** A failure (e.g. a tampered tile) is logged and retried; reads go on being served. */
    @Scheduled(fixedDelayString = "${pallas.ledger.sequence-interval:PT0.2S}")
    void scheduled() {
        try {
            sequenceAll();
        } catch (RuntimeException e) {
            log.error("Ledger sequencing failed; no checkpoint was signed", e);
        }
    }

    /** Sequences batches until nothing is pending; returns the latest checkpoint signed, if any. */
    Optional<Checkpoint> sequenceAll() {
        Optional<Checkpoint> last = Optional.empty();
        while (true) {
            Optional<Checkpoint> signed = sequenceBatch();
            if (signed.isEmpty()) {
                return last;
            }
            last = signed;
        }
    }

    /** One batch; empty when there was nothing to do or another instance holds the lock. */
    Optional<Checkpoint> sequenceBatch() {
        return tx.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                    .param("key", LOCK)
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                return Optional.<Checkpoint>empty();
            }
            Optional<LedgerStore.StoredCheckpoint> stored = store.latestCheckpoint();
            List<LedgerStore.Pending> batch = store.unsequenced(batchSize);
            if (batch.isEmpty() && stored.isPresent()) {
                return Optional.<Checkpoint>empty();
            }
            try {
                return Optional.of(integrate(stored, batch));
            } catch (IOException | LedgerException e) {
                throw new IllegalStateException(
                        "Cannot sequence " + batch.size() + " ledger entries: " + e.getMessage(), e);
            }
        });
    }

    private Checkpoint integrate(Optional<LedgerStore.StoredCheckpoint> stored, List<LedgerStore.Pending> batch)
            throws IOException, LedgerException {
        Checkpoint previous = null;
        if (stored.isPresent()) {
            previous = Checkpoint.open(stored.get().note(), List.of(keys.verifier()));
        }
        long size = previous == null ? 0 : previous.size();
        TileIntegrator.Integration integration =
                TileIntegrator.integrate(store.tiles(), size, LedgerStore.entries(batch));
        Map<TileId, byte[]> written = integration.tiles();
        TileReader overlay = id -> {
            byte[] fresh = written.get(id);
            return fresh != null ? Optional.of(fresh) : store.tiles().read(id);
        };
        Checkpoint next = new Checkpoint(keys.origin(), integration.treeSize(), integration.rootHash());
        Note note = signer.sign(previous, next, new TileHashSource(overlay, next.size()));
        store.writeTiles(written);
        if (!batch.isEmpty()) {
            store.assign(batch, size);
        }
        store.insertCheckpoint(next.size(), next.rootHash(), note.encode(), clock.instant());
        log.debug("Signed ledger checkpoint {} (root {})", next.size(), MerkleHash.hex(next.rootHash()));
        return next;
    }
}
