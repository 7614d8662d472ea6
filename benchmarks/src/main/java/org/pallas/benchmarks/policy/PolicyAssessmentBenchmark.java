package org.pallas.benchmarks.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.pallas.policy.ComplianceRecord;
import org.pallas.policy.DueDiligenceQuestion;
import org.pallas.policy.EndUse;
import org.pallas.policy.Party;
import org.pallas.policy.PolicyEngine;
import org.pallas.policy.Product;
import org.pallas.policy.Rulebook;
import org.pallas.policy.ScreeningOutcome;

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

  private static final Map<String, String> LISTS = Map.of("US-CSL", "2026-07-31", "OFAC-SDN", "2026-11-24",
      "EU-FSF", "2026-11-20", "UN-SC", "2026-11-25");

  private PolicyEngine engine;
  private Application highRisk;
  private Application lowRisk;

  @Setup
  public void setUp() {
    engine = PolicyEngine.shipped(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
    Product chain = new Product("Zero-click chain", List.of(new Product.ControlEntry("EU", "4D004"),
        new Product.ControlEntry("EU", "4E001.c")), 4, "Nimbus", "Nimbus",
        Set.of(Product.Capability.ZERO_CLICK, Product.Capability.COVERT_SURVEILLANCE));
    highRisk = application(chain, new EndUse(EndUse.Category.INTELLIGENCE, "Counter-terrorism", false),
        party(Party.PartyRole.END_USER, "General Intelligence Service", "EG",
            Party.EndUserType.SECURITY_INTELLIGENCE, ScreeningOutcome.clear(LISTS)),
        party(Party.PartyRole.ULTIMATE_END_USER, "Presidential Guard", "EG", Party.EndUserType.MILITARY,
            ScreeningOutcome.clear(LISTS)),
        party(Party.PartyRole.CONSIGNEE, "Nile Systems", "EG", null, ScreeningOutcome.clear(LISTS)),
        party(Party.PartyRole.INTERMEDIARY, "Интеллекса С.А.", "CY", null, new ScreeningOutcome(true, LISTS,
            List.of(new ScreeningOutcome.Hit("OFAC-SDN", "OFAC-44591", "Intellexa S.A.", 0.72, "2026-11-24", true, true,
                null)))),
        Map.of(DueDiligenceQuestion.SECRECY_REQUESTED, Application.Answer.YES));
    Product pentest = new Product("Adversary simulation", List.of(new Product.ControlEntry("EU", "4D004")), 2,
        "RedLedger", "RedLedger", Set.of());
    lowRisk = application(pentest, new EndUse(EndUse.Category.PENETRATION_TESTING, "Own networks", true),
        new Party(Party.PartyRole.END_USER, "Commerzbank Red Team", "DE", Party.EndUserType.COMMERCIAL, null,
            Party.Sector.FINANCIAL, null, ScreeningOutcome.clear(LISTS)),
        party(Party.PartyRole.ULTIMATE_END_USER, "Commerzbank CSIRT", "DE", Party.EndUserType.CERT,
            ScreeningOutcome.clear(LISTS)),
        party(Party.PartyRole.CONSIGNEE, "Commerzbank IT", "DE", null, ScreeningOutcome.clear(LISTS)),
        party(Party.PartyRole.INTERMEDIARY, "Rhein Reseller GmbH", "DE", null, ScreeningOutcome.clear(LISTS)),
        Map.of(DueDiligenceQuestion.END_USE_INFORMATION_REFUSED, Application.Answer.NO));
  }

  private static Party party(Party.PartyRole role, String name, String country, Party.EndUserType type,
      ScreeningOutcome screening) {
    return new Party(role, name, country, type, null, null, null, screening);
  }

  private static Application application(Product product, EndUse endUse, Party endUser, Party ultimate,
      Party consignee, Party intermediary, Map<DueDiligenceQuestion, Application.Answer> answers) {
    Party exporter = new Party(Party.PartyRole.EXPORTER, "Albion Cyber Ltd", "GB", null, null, null, null,
        ScreeningOutcome.clear(LISTS));
    return new Application("BENCH", LocalDate.of(2026, 11, 27), product,
        List.of(exporter, endUser, ultimate, consignee, intermediary), List.of(), endUse, answers, List.of(),
        List.of(), new ComplianceRecord(5, 0, true));
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
