package org.pallas.server.ledger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final Duration retryInitial;
    private final Duration retryMax;
    private final IntegrityCheck integrity;
    private int failures;
    private Instant retryAt = Instant.MIN;

    Sequencer(
            LedgerStore store,
            LedgerKeys keys,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            IntegrityCheck integrity,
            @Value("${pallas.ledger.batch-size:4096}") int batchSize,
            @Value("${pallas.ledger.retry-initial:PT0.5S}") Duration retryInitial,
            @Value("${pallas.ledger.retry-max:PT1M}") Duration retryMax) {
        this.store = store;
        this.keys = keys;
        this.signer = new CheckpointSigner(keys.signer(), keys.origin());
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.integrity = integrity;
        this.batchSize = batchSize;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
    }

    /** Sequences what was recorded before the application became ready (demo seed, changes before a crash). */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        scheduled();
    }

    /**
     * A failure (e.g. a tampered tile, the database gone) is retried with exponential back-off, from
     * {@code pallas.ledger.retry-initial} doubling up to {@code pallas.ledger.retry-max}, and logged once when
     * sequencing starts failing and once when it recovers, not on every attempt. Reads go on being served;
     * writes are refused once the backlog is too old ({@link LedgerAvailability}).
     */
    @Scheduled(fixedDelayString = "${pallas.ledger.sequence-interval:PT0.2S}")
    synchronized void scheduled() {
        Instant now = clock.instant();
        if (now.isBefore(retryAt)) {
            return;
        }
        try {
            sequenceAll();
            if (failures > 0) {
                log.info("Ledger sequencing recovered after {} failed attempts", failures);
            }
            failures = 0;
            retryAt = Instant.MIN;
        } catch (RuntimeException e) {
            failures++;
            Duration wait = backOff(failures, retryInitial, retryMax);
            retryAt = now.plus(wait);
            if (failures == 1) {
                log.error(
                        "Ledger sequencing failed; no checkpoint was signed. Retrying with back-off (up to {}),"
                                + " logged again only when it recovers",
                        retryMax,
                        e);
            } else {
                log.debug(
                        "Ledger sequencing failed again (attempt {}, next in {}): {}", failures, wait, e.getMessage());
            }
        }
    }

    /** The wait after the {@code failures}-th failure in a row: initial, doubled each time, at most max. */
    static Duration backOff(int failures, Duration initial, Duration max) {
        int doublings = Math.min(failures - 1, 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Failed attempts in a row (0 while sequencing works). */
    synchronized int failures() {
        return failures;
    }

    /** When the next scheduled attempt may run. */
    synchronized Instant retryAt() {
        return retryAt;
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

    /**
     * One batch; empty when there was nothing to do or another instance holds the lock. Once the batch has
     * committed, the integrity check looks at its entries and their subjects' rows.
     */
    Optional<Checkpoint> sequenceBatch() {
        long[][] sequenced = {new long[0]};
        Optional<Checkpoint> signed = tx.execute(status -> {
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
                Checkpoint next = integrate(stored, batch);
                sequenced[0] =
                        batch.stream().mapToLong(LedgerStore.Pending::seq).toArray();
                return Optional.of(next);
            } catch (IOException | LedgerException e) {
                throw new IllegalStateException(
                        "Cannot sequence " + batch.size() + " ledger entries: " + e.getMessage(), e);
            }
        });
        if (sequenced[0].length > 0) {
            try {
                integrity.checkSequenced(sequenced[0]);
            } catch (RuntimeException e) {
                // The batch is signed; the next full run checks it again.
                log.warn("Incremental ledger integrity check failed: {}", e.getMessage());
            }
        }
        return signed;
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
