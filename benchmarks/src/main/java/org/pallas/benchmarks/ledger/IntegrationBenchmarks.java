package org.pallas.benchmarks.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pallas.ledger.TileIntegrator;

/**
 * The pure tile integration step of the sequencer: one batch of ~300-byte entries onto a log of 10^6 entries
 * (read the right-edge tiles, hash, build new tiles, compute the root). Appends per second = batch / time.
 * Storage and signing are not included. Run: {@code java -jar benchmarks/target/benchmarks.jar ledger.IntegrationBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class IntegrationBenchmarks {
    @Param({"1", "256", "1024"})
    int batch;

    LedgerFixture log;
    List<byte[]> entries;

    @Setup
    public void build() throws Exception {
        log = new LedgerFixture(ProofBenchmarks.SIZE + 100);
        entries = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            byte[] entry = new byte[300];
            entry[0] = (byte) i;
            entries.add(entry);
        }
    }

    @Benchmark
    public TileIntegrator.Integration integrateBatch() throws Exception {
        return TileIntegrator.integrate(log.tiles, ProofBenchmarks.SIZE + 100, entries);
    }
}
