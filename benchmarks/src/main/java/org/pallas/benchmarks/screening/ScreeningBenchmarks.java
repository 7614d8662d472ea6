package org.pallas.benchmarks.screening;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ImportProgress;
import org.pallas.screening.ListVersion;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.screening.evaluation.BundledLists;
import org.pallas.screening.evaluation.Screenings;
import org.pallas.screening.evaluation.SyntheticNegatives;
import org.pallas.screening.importing.ListFormat;
import org.pallas.screening.importing.ListImporter;

/**
 * Screening benchmarks over all bundled lists (docs/benchmarks/screening.md). Run from the checkout:
 * {@code java -jar benchmarks/target/benchmarks.jar screening -f 1 -wi 2 -i 3}. Lists and evaluation sets are the
 * in-repo ones; the full synthetic negatives for the query mix are read from the shared data folder
 * {@code -Dpallas.shared} (default {@code ../shared}) when it holds them, else the in-repo extracts.
 */
public class ScreeningBenchmarks {

    static List<Path> lists() {
        return BundledLists.inCheckout(Path.of(""));
    }

    static Path eval() {
        return Path.of(BundledLists.TEST_ONLY, "eval");
    }

    /** The imported list versions (import is not measured here). */
    @State(Scope.Benchmark)
    public static class Lists {
        List<ListVersion> versions;

        @Setup(Level.Trial)
        public void load() throws Exception {
            versions = BundledLists.importAll(lists(), Clock.systemUTC());
        }
    }

    /** The index over all bundled lists and 10,000 mixed queries. */
    @State(Scope.Benchmark)
    public static class Index {
        ScreeningIndex index;
        ScreeningQuery[] queries;

        @Setup(Level.Trial)
        public void build() throws Exception {
            List<ListVersion> versions = BundledLists.importAll(lists(), Clock.systemUTC());
            System.gc();
            long before = usedHeap();
            index = ScreeningIndex.build(versions, ScoringConfig.defaults());
            System.gc();
            System.out.printf(
                    "%nindex: %d entries, %d names, retained heap about %.1f MiB%n",
                    index.entryCount(), index.nameCount(), (usedHeap() - before) / 1048576.0);
            List<ScreeningQuery> mixed = new ArrayList<>();
            // 10,000 queries (3,366 with the extracts): all UN positives (listed and with typos) and synthetic
            // negatives
            for (String file :
                    List.of("yente_positives_un_sc_untreated.csv", "yente_positives_un_sc_treated_typos.csv")) {
                Screenings.people(eval().resolve(file), 1)
                        .forEach(p -> mixed.add(ScreeningQuery.of(p.fullName(), EntryKind.PERSON)));
            }
            int negatives = (10_000 - mixed.size()) / 2;
            Path shared = Path.of(System.getProperty("pallas.shared", "../shared"));
            SyntheticNegatives files = SyntheticNegatives.find(shared, eval());
            if (!files.full()) {
                System.out.println(SyntheticNegatives.howToGetTheFullFiles(shared));
            }
            for (Path file : List.of(files.global(), files.us())) {
                Screenings.people(file, 1).stream()
                        .limit(negatives)
                        .forEach(p -> mixed.add(ScreeningQuery.of(p.fullName(), EntryKind.ANY)));
            }
            queries = mixed.toArray(new ScreeningQuery[0]);
            System.out.printf(
                    "queries: %d (synthetic negatives from %s)%n",
                    queries.length, files.full() ? "the full files" : "the in-repo extracts");
        }

        private static long usedHeap() {
            Runtime r = Runtime.getRuntime();
            return r.totalMemory() - r.freeMemory();
        }
    }

    /** Each thread walks the 10,000 queries from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        ScreeningQuery take(Index index) {
            ScreeningQuery q = index.queries[next];
            next = (next + 1) % index.queries.length;
            return q;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    @Fork(1)
    public ScreeningIndex indexBuildAllLists(Lists lists) {
        return ScreeningIndex.build(lists.versions, ScoringConfig.defaults());
    }

    /** Import of every bundled list from its files: OFAC CSV, BIS TSV, CSL CSV, UN XML, the project CSV. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    @Fork(1)
    public List<ListVersion> importAllLists() throws Exception {
        return BundledLists.importAll(lists(), Clock.systemUTC());
    }

    /** Import of the OpenSanctions FollowTheMoney sample (91 JSON lines), the JSON-lines reader's cost. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 5, time = 3)
    @Fork(1)
    public ListVersion importFollowTheMoneySample() throws Exception {
        return new ListImporter(Clock.systemUTC(), ImportProgress.NONE)
                .importList(
                        ListFormat.FTM_JSON_LINES,
                        "OS-SAMPLE",
                        List.of(Path.of(BundledLists.TEST_ONLY, "opensanctions_ftm_sample_zala.ftm.json")));
    }

    /** Single-query latency; JMH reports p50/p90/p99 of the sampled times. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    @Fork(1)
    public ScreeningResult singleQueryLatency(Index index, Cursor cursor) {
        return index.index.search(cursor.take(index));
    }

    /** Batch throughput: names screened per second by two threads sharing one index. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    @Fork(1)
    public ScreeningResult batchThroughputTwoThreads(Index index, Cursor cursor) {
        return index.index.search(cursor.take(index));
    }

    /** watchman's worst case: rare tokens that hit nothing exactly and force the typo search. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    @Fork(1)
    public ScreeningResult rareTokenQuery(Index index) {
        return index.index.search(
                new ScreeningQuery("Xao Lingg Qwertyuiopz", EntryKind.ANY, null, null, List.of(), 20));
    }
}
