package org.pallas.benchmarks.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pallas.policy.Application;
import org.pallas.policy.Assessment;
import org.pallas.policy.PolicyEngine;
import org.pallas.policy.Rulebook;

/**
 * Rulebook evaluation for an application with five parties (exporter, end user, ultimate end user, consignee,
 * intermediary). Screening is consumed as facts here; the screening step is benchmarked separately once it lands.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PolicyAssessmentBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PolicyAssessmentBenchmark {

    private PolicyEngine engine;
    private Application highRisk;
    private Application lowRisk;

    @Setup
    public void setUp() {
        engine = PolicyEngine.shipped(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
        highRisk = FivePartyApplications.highRisk();
        lowRisk = FivePartyApplications.lowRisk();
    }

    @Benchmark
    public Assessment assessHighRiskFiveParties() {
        return engine.assess(highRisk);
    }

    @Benchmark
    public Assessment assessLowRiskFiveParties() {
        return engine.assess(lowRisk);
    }

    /** Cold start of the rulebook (parse, validate, compile 75 CEL rules, hash). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 5)
    public Rulebook loadRulebook() {
        return Rulebook.shipped();
    }
}
