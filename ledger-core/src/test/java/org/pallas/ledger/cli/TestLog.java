package org.pallas.ledger.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.CheckpointSigner;
import org.pallas.ledger.DirectoryTileStore;
import org.pallas.ledger.MemoryTree;
import org.pallas.ledger.Note;
import org.pallas.ledger.NoteSigner;
import org.pallas.ledger.TileHashSource;
import org.pallas.ledger.TileIntegrator;
import org.pallas.ledger.record.ActorPseudonyms;
import org.pallas.ledger.record.LedgerEntry;
import org.pallas.ledger.record.LedgerEntryDraft;
import org.pallas.ledger.record.LedgerRecord;

/** A small Pallas log written to a directory the way the server's sequencer will: batches, tiles, checkpoints. */
final class TestLog {
    static final String ORIGIN = "pallas.test/ledger";

    final DirectoryTileStore store;
    final NoteSigner signer;
    final CheckpointSigner checkpoints;
    final List<LedgerRecord> records = new ArrayList<>();
    final MemoryTree tree = new MemoryTree();
    private final ActorPseudonyms pseudonyms = new ActorPseudonyms(new byte[32]);
    /** SHA1PRNG seeded before first use is deterministic: reproducible salts. */
    private final SecureRandom salts;

    Checkpoint checkpoint;

    TestLog(Path directory, long seed) throws Exception {
        this.store = new DirectoryTileStore(directory);
        this.signer = NoteSigner.fromSeed(ORIGIN, new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        this.checkpoints = new CheckpointSigner(signer, ORIGIN);
        this.salts = SecureRandom.getInstance("SHA1PRNG");
        salts.setSeed(seed);
    }

    String vkey() {
        return signer.verifier().encode();
    }

    /** Appends {@code count} licence decisions as one batch and publishes a signed checkpoint. */
    TestLog append(int count) throws Exception {
        return append(count, LedgerEntry.VERSION);
    }

    /** As {@link #append(int)}, in record format {@code version} (1: as the server wrote before version 2). */
    TestLog append(int count, int version) throws Exception {
        long before = tree.size();
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = before + i;
            LedgerRecord record = LedgerRecord.create(
                    new LedgerEntryDraft(
                            "licence.decision.recorded",
                            Instant.parse("2026-11-27T10:00:00Z").plusSeconds(n),
                            pseudonyms.pseudonym("caseworker-" + (n % 3)),
                            "licence.application",
                            "APP-2026-" + (1000 + n),
                            Map.of("outcome", n % 2 == 0 ? "granted" : "refused")),
                    ("{\"case\":\"confidential notes " + n + "\"}").getBytes(),
                    salts);
            if (version != record.entry().version()) {
                LedgerEntry e = record.entry();
                record = new LedgerRecord(
                        new LedgerEntry(
                                version,
                                e.type(),
                                e.time(),
                                e.actor(),
                                e.subjectType(),
                                e.subjectId(),
                                e.metadata(),
                                e.payloadDigest()),
                        record.salt(),
                        record.payload());
            }
            records.add(record);
            entries.add(record.entry().encode());
            tree.appendData(record.entry().encode());
        }
        TileIntegrator.Integration result = TileIntegrator.integrate(store, before, entries);
        for (var e : result.tiles().entrySet()) {
            store.write(e.getKey(), e.getValue());
        }
        Checkpoint next = new Checkpoint(ORIGIN, result.treeSize(), result.rootHash());
        Note note = checkpoints.sign(checkpoint, next, new TileHashSource(store, next.size()));
        store.writeCheckpoint(note.encode());
        checkpoint = next;
        return this;
    }
}
