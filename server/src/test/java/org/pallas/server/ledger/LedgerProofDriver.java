package org.pallas.server.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.CheckpointSigner;
import org.pallas.ledger.ConsistencyProof;
import org.pallas.ledger.InclusionProof;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.Note;
import org.pallas.ledger.TileHashSource;
import org.pallas.ledger.TileIntegrator;
import org.pallas.server.Pallas;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proof generation from the PostgreSQL tiles at scale (not a test): boots the application on a fresh embedded
 * PostgreSQL, fills the log with {@code entries} generated leaves through the sequencer's tile code (batches of
 * 65,536 integrated by {@link TileIntegrator}, tiles written with {@link LedgerStore#writeTiles}, a checkpoint
 * signed after each batch with the consistency check the sequencer makes), then times inclusion and
 * consistency proofs through the server's read path ({@link LedgerReads}: checkpoint lookup, one indexed tile
 * read per tile touched, proof building), verifying every proof it times against the signed roots.
 *
 * <p>The fill bypasses {@code ledger_entry} (proofs read only tiles and checkpoints) and runs without durable
 * commits, since fill speed is not what is measured.
 *
 * <p>Run (see docs/benchmarks/ledger-server.md):
 * {@code java -cp ... org.pallas.server.ledger.LedgerProofDriver [entries] [proofs]}
 */
public final class LedgerProofDriver {

    private static final int BATCH = 65_536;

    public static void main(String[] args) throws Exception {
        long entries = Math.min(10_000_000L, args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L);
        int proofs = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path data = Files.createTempDirectory("pallas-ledger-proofs");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Pallas.class)
                .run(
                        "--pallas.data-dir=" + data,
                        "--pallas.embedded-db.fresh=true",
                        "--pallas.embedded-db.durable=false",
                        "--pallas.demo.enabled=false",
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--pallas.ledger.sequence-interval=PT1H",
                        "--logging.level.root=WARN")) {
            LedgerStore store = ctx.getBean(LedgerStore.class);
            LedgerKeys keys = ctx.getBean(LedgerKeys.class);
            LedgerReads reads = ctx.getBean(LedgerReads.class);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            Clock clock = ctx.getBean(Clock.class);
            CheckpointSigner signer = new CheckpointSigner(keys.signer(), keys.origin());

            // Whatever the application recorded at start-up stays below the generated leaves.
            ctx.getBean(Sequencer.class).sequenceAll();
            long base = store.latestCheckpoint()
                    .map(LedgerStore.StoredCheckpoint::treeSize)
                    .orElse(0L);
            long end = base + entries;
            long fillStarted = System.nanoTime();
            List<Long> sizes = new ArrayList<>();
            long size = base;
            while (size < end) {
                long from = size;
                int n = (int) Math.min(BATCH, end - size);
                List<byte[]> leaves = new ArrayList<>(n);
                for (long i = from; i < from + n; i++) {
                    leaves.add(leaf(i));
                }
                size = tx.execute(s -> {
                    try {
                        Optional<LedgerStore.StoredCheckpoint> stored = store.latestCheckpoint();
                        Checkpoint previous = stored.isEmpty()
                                ? null
                                : Checkpoint.open(stored.get().note(), List.of(keys.verifier()));
                        TileIntegrator.Integration integration = TileIntegrator.integrate(store.tiles(), from, leaves);
                        store.writeTiles(integration.tiles());
                        Checkpoint next = new Checkpoint(keys.origin(), integration.treeSize(), integration.rootHash());
                        Note note = signer.sign(
                                previous != null && previous.size() > 0 ? previous : null,
                                next,
                                new TileHashSource(store.tiles(), next.size()));
                        store.insertCheckpoint(next.size(), next.rootHash(), note.encode(), clock.instant());
                        return next.size();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                sizes.add(size);
                System.out.printf(Locale.ROOT, "filled %,d entries%n", size);
            }
            double fill = (System.nanoTime() - fillStarted) / 1e9;
            Checkpoint latest =
                    Checkpoint.open(store.latestCheckpoint().orElseThrow().note(), List.of(keys.verifier()));
            if (latest.size() != end) {
                throw new IllegalStateException("the latest checkpoint has size " + latest.size());
            }

            SplittableRandom random = new SplittableRandom(42);
            // Warm-up (JIT, connection pool, PostgreSQL caches), not counted.
            for (int i = 0; i < Math.min(500, proofs); i++) {
                reads.inclusion(base + random.nextLong(entries), null);
            }
            List<Long> inclusion = new ArrayList<>();
            for (int i = 0; i < proofs; i++) {
                long index = base + random.nextLong(entries);
                long t0 = System.nanoTime();
                LedgerReads.Proof proof = reads.inclusion(index, null);
                inclusion.add(System.nanoTime() - t0);
                new InclusionProof(index, proof.treeSize(), decode(proof.hashes()))
                        .verify(MerkleHash.leaf(leaf(index)), latest);
            }
            List<Long> consistency = new ArrayList<>();
            List<Long> older = sizes.size() > 1 ? sizes.subList(0, sizes.size() - 1) : sizes;
            for (int i = 0; i < proofs; i++) {
                long from = older.get(random.nextInt(older.size()));
                long t0 = System.nanoTime();
                LedgerReads.Consistency proof = reads.consistency(from, null);
                consistency.add(System.nanoTime() - t0);
                Checkpoint fromCheckpoint =
                        Checkpoint.open(store.checkpoint(from).orElseThrow().note(), List.of(keys.verifier()));
                new ConsistencyProof(from, proof.toSize(), decode(proof.hashes())).verify(fromCheckpoint, latest);
            }
            System.out.printf(
                    Locale.ROOT,
                    "entries=%d (filled in %.1f s, %d checkpoints) proofs=%d, every one verified%n",
                    entries,
                    fill,
                    sizes.size(),
                    proofs);
            report("inclusion proof (LedgerReads.inclusion, latest checkpoint)", inclusion);
            report("consistency proof (LedgerReads.consistency, earlier checkpoint to latest)", consistency);
        }
    }

    /** The generated entry at {@code index}: distinct, of a realistic size. */
    static byte[] leaf(long index) {
        return ("{\"v\":1,\"type\":\"benchmark.proof\",\"subject\":\"benchmark/" + index
                        + "\",\"digest\":\"sha256:0000000000000000000000000000000000000000000000000000000000000000\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> decode(List<String> hashes) {
        return hashes.stream().map(h -> Base64.getDecoder().decode(h)).toList();
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "%s: mean=%.0f µs p50=%.0f µs p99=%.0f µs max=%.0f µs (n=%d)%n",
                what,
                mean,
                at(sorted, 0.50) / 1000.0,
                at(sorted, 0.99) / 1000.0,
                at(sorted, 1.0) / 1000.0,
                sorted.size());
    }

    private static long at(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1)));
    }
}
