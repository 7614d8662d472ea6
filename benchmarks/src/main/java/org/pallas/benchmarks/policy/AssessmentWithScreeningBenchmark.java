package org.pallas.benchmarks.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.pallas.policy.Party;
import org.pallas.policy.PolicyEngine;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.evaluation.BundledLists;

/**
 * The full assessment as {@code POST /api/v1/assessments} runs it for five unscreened parties: each party screened
 * with screening-core against every bundled list (OFAC SDN and non-SDN, UN, US CSL subset, BIS DPL, the project's
 * spyware-sector list), then the rulebook. Lists are the in-repo ones ({@link BundledLists#inCheckout}), or those of
 * the folder {@code -Dpallas.sanctions} if given. Run from the checkout:
 * {@code java -jar benchmarks/target/benchmarks.jar AssessmentWithScreening}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AssessmentWithScreeningBenchmark {

    private PolicyEngine engine;
    private ScreeningIndex index;
    private Map<String, String> listVersions;
    private Application highRisk;
    private Application lowRisk;

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
        engine = PolicyEngine.shipped(clock);
        List<ListEntry> entries = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        listVersions = new LinkedHashMap<>();
        String folder = System.getProperty("pallas.sanctions");
        List<Path> folders = folder == null ? BundledLists.inCheckout(Path.of("")) : List.of(Path.of(folder));
        for (ListVersion v : BundledLists.importAll(folders, clock)) {
            entries.addAll(v.entries());
            labels.add(v.label());
            listVersions.put(v.source(), v.label());
        }
        index = ScreeningIndex.ofEntries(entries, labels, ScoringConfig.defaults());
        highRisk = FivePartyApplications.highRisk();
        lowRisk = FivePartyApplications.lowRisk();
    }

    @Benchmark
    public Assessment screenAndAssessHighRiskFiveParties() {
        return engine.assess(screened(highRisk));
    }

    @Benchmark
    public Assessment screenAndAssessLowRiskFiveParties() {
        return engine.assess(screened(lowRisk));
    }

    /** The application with every party's screening replaced by a fresh screening (as the server does). */
    private Application screened(Application a) {
        List<Party> parties = new ArrayList<>();
        for (Party p : a.parties()) {
            List<ScreeningOutcome.Hit> hits = new ArrayList<>();
            for (ScreeningMatch m : index.search(new ScreeningQuery(
                            p.name(), EntryKind.ANY, p.country(), null, List.of(), ScreeningQuery.DEFAULT_LIMIT))
                    .matches()) {
                if (m.alert()) {
                    hits.add(new ScreeningOutcome.Hit(
                            m.source(),
                            m.entryId(),
                            m.matchedName(),
                            m.score(),
                            m.source(),
                            m.entry().source().startsWith("US-OFAC"),
                            m.entry().source().equals("US-EL"),
                            m.entry().delistedOn()));
                }
            }
            parties.add(new Party(
                    p.role(),
                    p.name(),
                    p.country(),
                    p.endUserType(),
                    p.agency(),
                    p.sector(),
                    p.independentOversight(),
                    new ScreeningOutcome(true, listVersions, hits)));
        }
        return new Application(
                a.reference(),
                a.asOf(),
                a.product(),
                parties,
                a.destinations(),
                a.endUse(),
                a.dueDiligence(),
                a.misuseMatches(),
                a.priorDenials(),
                a.exporterRecord());
    }
}
