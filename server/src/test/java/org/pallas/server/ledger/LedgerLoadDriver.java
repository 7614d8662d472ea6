package org.pallas.server.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.pallas.server.Pallas;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load driver for the server's ledger (not a test): boots the application in this JVM on a fresh embedded
 * PostgreSQL with durable commits (PostgreSQL defaults: fsync, synchronous_commit on), lets {@code threads}
 * writers each commit {@code per-transaction} recorded changes per transaction (1: one durable commit per
 * change, as an interactive request makes; more: the batched append path of bulk operations) for
 * {@code seconds}, then reports sustained appends (entries) per second, the commits per second, and the time
 * from each append's commit to the signed checkpoint that first includes it (p50, p99). Bounded: at most
 * 120 s of load, loopback only (the web server binds to 127.0.0.1).
 *
 * <p>Run (see docs/benchmarks/ledger-server.md):
 * {@code java -cp ... org.pallas.server.ledger.LedgerLoadDriver [seconds] [threads] [sequence-interval-ms]
 * [per-transaction]}
 */
public final class LedgerLoadDriver {

    /** A synthetic change of the shape of an identity change: a few public facts, a small confidential payload. */
    @RecordedAs(type = "benchmark.append", subject = "benchmark")
    record BenchmarkChange(Facts facts) implements RecordedChange {}

    public static void main(String[] args) throws Exception {
        int seconds = Math.min(120, args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int intervalMs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int perTransaction = Math.max(1, args.length > 3 ? Integer.parseInt(args[3]) : 1);
        Path data = Files.createTempDirectory("pallas-ledger-load");
        // Command-line arguments: they override every configuration file, the test one included.
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Pallas.class)
                .run(
                        "--pallas.data-dir=" + data,
                        "--pallas.embedded-db.fresh=true",
                        "--pallas.embedded-db.durable=true",
                        "--pallas.demo.enabled=false",
                        "--pallas.embedded-db.pool-size=" + (threads + 4),
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--pallas.ledger.sequence-interval=PT" + intervalMs / 1000.0 + "S",
                        "--logging.level.root=WARN")) {
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Clock clock = ctx.getBean(Clock.class);
            UUID actor = UUID.randomUUID();

            run(ctx, tx, clock, actor, threads, perTransaction, 3, new ConcurrentHashMap<>());
            Map<String, Instant> committed = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            long appends = run(ctx, tx, clock, actor, threads, perTransaction, seconds, committed);
            double elapsed = (System.nanoTime() - started) / 1e9;

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (jdbc.sql("select count(*) from ledger_entry where leaf_index is null")
                                    .query(Long.class)
                                    .single()
                            > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Map<String, Instant> signed = new HashMap<>();
            jdbc.sql("""
                    select e.subject_id, (select min(c.signed_at) from ledger_checkpoint c where c.tree_size > e.leaf_index) as signed
                    from ledger_entry e where e.subject_type = 'benchmark'""").query(rs -> {
                Timestamp t = rs.getTimestamp("signed");
                if (t != null) {
                    signed.put(rs.getString("subject_id"), t.toInstant());
                }
            });
            List<Long> latencies = new ArrayList<>();
            committed.forEach((id, at) -> {
                Instant s = signed.get(id);
                if (s != null) {
                    latencies.add(Math.max(0, s.toEpochMilli() - at.toEpochMilli()));
                }
            });
            Collections.sort(latencies);
            long checkpoints = jdbc.sql("select count(*) from ledger_checkpoint")
                    .query(Long.class)
                    .single();
            System.out.printf(
                    Locale.ROOT,
                    "mode=%s threads=%d seconds=%.1f sequence-interval=%dms%n",
                    perTransaction == 1
                            ? "one change per transaction"
                            : perTransaction + " changes per transaction (batched)",
                    threads,
                    elapsed,
                    intervalMs);
            System.out.printf(
                    Locale.ROOT,
                    "appends=%d  sustained appends/s=%.0f  commits/s=%.0f%n",
                    appends,
                    appends / elapsed,
                    appends / (double) perTransaction / elapsed);
            System.out.printf(
                    Locale.ROOT,
                    "append-to-checkpoint ms: p50=%d p99=%d max=%d (n=%d, %d checkpoints)%n",
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    percentile(latencies, 1.0),
                    latencies.size(),
                    checkpoints);
        }
    }

    private static long run(
            ConfigurableApplicationContext ctx,
            TransactionTemplate tx,
            Clock clock,
            UUID actor,
            int threads,
            int perTransaction,
            int seconds,
            Map<String, Instant> committed)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    List<String> ids = new ArrayList<>(perTransaction);
                    for (int i = 0; i < perTransaction; i++) {
                        ids.add(UUID.randomUUID().toString());
                    }
                    tx.executeWithoutResult(s ->
                            ids.forEach(id -> ctx.publishEvent(new BenchmarkChange(new RecordedChange.Facts(
                                    id,
                                    actor,
                                    clock.instant(),
                                    Map.of("kind", "EXPORTER", "country", "GB"),
                                    Map.of("name", "Benchmark Organisation " + id))))));
                    Instant at = clock.instant();
                    ids.forEach(id -> committed.put(id, at));
                    count.addAndGet(perTransaction);
                }
                return null;
            });
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        return count.get();
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
