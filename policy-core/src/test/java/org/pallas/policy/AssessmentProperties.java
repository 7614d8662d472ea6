package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties every assessment must have, over generated applications. */
class AssessmentProperties {

  private static final List<String> COUNTRIES =
      List.of("DE", "FR", "GB", "AE", "EG", "MX", "HU", "GE", "VN", "CN", "MM", "CU", "IT", "RS", "AQ", "KE", "IN");

  @Provide
  Arbitrary<Application> applications() {
    Arbitrary<Product> products = Arbitraries.of(Fixtures.exploitChain(), Fixtures.interceptionPlatform(),
        Fixtures.pentestFramework(), Fixtures.exploitResearch(), Fixtures.scanner());
    Arbitrary<Party> endUsers = Combinators.combine(Arbitraries.of(COUNTRIES),
        Arbitraries.of(Party.EndUserType.class), Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3))
        .as((country, type, oversight) -> Fixtures.endUser("End User " + country, country, type, oversight));
    Arbitrary<Party> intermediaries = Arbitraries.of(COUNTRIES).map(c -> Fixtures.intermediary("Broker " + c, c));
    Arbitrary<EndUse.Category> uses = Arbitraries.of(EndUse.Category.class);
    Arbitrary<Map<DueDiligenceQuestion, Application.Answer>> answers = Arbitraries
        .maps(Arbitraries.of(DueDiligenceQuestion.class), Arbitraries.of(Application.Answer.class)).ofMaxSize(4);
    return Combinators.combine(products, endUsers, intermediaries.injectNull(0.5), uses, answers)
        .as((product, endUser, broker, use, dd) -> {
          Fixtures.Builder b = Fixtures.application().product(product).endUse(use, "Stated use").party(endUser);
          if (broker != null) {
            b.party(broker);
          }
          dd.forEach(b::answer);
          return b.build();
        });
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.MIXIN)
  void sameFactsGiveTheSameAssessment(@ForAll("applications") Application application) {
    assertThat(Fixtures.ENGINE.assess(application)).isEqualTo(Fixtures.ENGINE.assess(application));
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.MIXIN)
  void routeIsConsistentWithFindingsAndScore(@ForAll("applications") Application application) {
    Assessment a = Fixtures.ENGINE.assess(application);
    Rulebook.Thresholds t = Fixtures.ENGINE.rulebook().thresholds();
    assertThat(a.score()).isEqualTo(a.contributions().stream().mapToInt(Assessment.Contribution::weight).sum());
    assertThat(a.route() == Route.HARD_STOP).isEqualTo(!a.findings(Effect.HARD_STOP).isEmpty());
    if (a.route() != Route.HARD_STOP) {
      Route byScore = a.score() >= t.presumptionOfDenial() ? Route.PRESUMPTION_OF_DENIAL
          : a.score() >= t.enhancedReview() ? Route.ENHANCED_REVIEW
          : a.score() >= t.standard() ? Route.STANDARD : Route.FAST_TRACK;
      assertThat(a.route()).isGreaterThanOrEqualTo(byScore);
      assertThat(a.route().compareTo(Route.ENHANCED_REVIEW) >= 0).isEqualTo(
          a.route() == Route.PRESUMPTION_OF_DENIAL || !a.consultations().isEmpty() || byScore == Route.ENHANCED_REVIEW);
    }
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.cites()).isNotEmpty());
    assertThat(a.unverifiedCitations()).containsExactlyInAnyOrderElementsOf(a.findings().stream()
        .flatMap(f -> f.cites().stream()).filter(Citation::unverified).map(Citation::id).distinct().toList());
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.MIXIN)
  void answeringYesToARedFlagQuestionNeverLowersTheRouteOrScore(@ForAll("applications") Application application,
      @ForAll DueDiligenceQuestion question) {
    Assessment before = Fixtures.ENGINE.assess(application);
    Map<DueDiligenceQuestion, Application.Answer> more = new EnumMap<>(DueDiligenceQuestion.class);
    more.putAll(application.dueDiligence());
    more.put(question, Application.Answer.YES);
    Assessment after = Fixtures.ENGINE.assess(application.withDueDiligence(more));
    if (application.dueDiligence().get(question) != Application.Answer.DECLINED) {
      assertThat(after.route()).isGreaterThanOrEqualTo(before.route());
      assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    }
  }
}
