package org.pallas.benchmarks.ledger;

import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.pallas.ledger.ConsistencyProof;
import org.pallas.ledger.InclusionProof;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.ProofBuilder;
import org.pallas.ledger.TileHashSource;

/**
 * Proof generation and verification at 10^6 entries (goal: generation under 1 ms). "tiles" builds each proof
 * from a fresh {@link TileHashSource}, as a server answering one request reads tiles from its store; "tree"
 * reads a whole in-memory tree; "warm tiles" keeps one source with its tile cache (64 tiles) across requests. Run: {@code java -jar benchmarks/target/benchmarks.jar ledger.ProofBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ProofBenchmarks {
    static final int SIZE = 1_000_000;

    LedgerFixture log;
    ProofBuilder fromTree;
    ProofBuilder warmTiles;
    byte[] root;
    SplittableRandom random;
    InclusionProof inclusion;
    byte[] inclusionLeaf;
    ConsistencyProof consistency;
    byte[] consistencyRoot;

    @Setup(Level.Trial)
    public void build() throws Exception {
        log = new LedgerFixture(SIZE);
        fromTree = new ProofBuilder(log.tree);
        warmTiles = new ProofBuilder(new TileHashSource(log.tiles, SIZE));
        root = fromTree.rootHash(SIZE);
        random = new SplittableRandom(1);
        inclusion = fromTree.inclusionProof(123_456, SIZE);
        inclusionLeaf = MerkleHash.leaf(LedgerFixture.entry(123_456));
        consistency = fromTree.consistencyProof(654_321, SIZE);
        consistencyRoot = fromTree.rootHash(654_321);
    }

    @Benchmark
    public InclusionProof inclusionProofFromTree() throws Exception {
        return fromTree.inclusionProof(random.nextInt(SIZE), SIZE);
    }

    @Benchmark
    public InclusionProof inclusionProofFromTiles() throws Exception {
        return new ProofBuilder(new TileHashSource(log.tiles, SIZE)).inclusionProof(random.nextInt(SIZE), SIZE);
    }

    /** One source kept per published checkpoint: tiles and their inner levels stay cached between requests. */
    @Benchmark
    public InclusionProof inclusionProofFromWarmTiles() throws Exception {
        return warmTiles.inclusionProof(random.nextInt(SIZE), SIZE);
    }

    @Benchmark
    public ConsistencyProof consistencyProofFromTree() throws Exception {
        return fromTree.consistencyProof(1 + random.nextInt(SIZE - 1), SIZE);
    }

    @Benchmark
    public ConsistencyProof consistencyProofFromTiles() throws Exception {
        return new ProofBuilder(new TileHashSource(log.tiles, SIZE))
                .consistencyProof(1 + random.nextInt(SIZE - 1), SIZE);
    }

    @Benchmark
    public byte[] verifyInclusionProof() throws Exception {
        return inclusion.rootFrom(inclusionLeaf);
    }

    @Benchmark
    public ConsistencyProof verifyConsistencyProof() throws Exception {
        consistency.verify(consistencyRoot, root);
        return consistency;
    }
}
