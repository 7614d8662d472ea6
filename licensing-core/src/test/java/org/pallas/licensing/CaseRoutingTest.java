package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.HUMAN_RIGHTS_ADVISER;
import static org.pallas.licensing.Fixtures.SENIOR;
import static org.pallas.licensing.Fixtures.SYSTEM;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;

/** Each assessment route's required steps. */
class CaseRoutingTest {

    private final TestClock clock = TestClock.at(2026, 3, 2);

    @Test
    void fastTrackIsDecidedByTheCaseworkerAloneWithTheSuggestedConditions() {
        Routing fast =
                new Routing(AssessmentRoute.FAST_TRACK, Set.of(), List.of("No onward transfer"), List.of(), "A-1");
        Case c = Fixtures.underReview(clock, fast);
        assertThat(c.queues()).containsExactly(Queue.FAST_TRACK);
        CaseEvent e = c.decide(
                CASEWORKER, Outcome.APPROVED, "low risk", List.of(), List.of("No onward transfer", "Annual report"));
        assertThat(e).isInstanceOf(CaseEvent.CaseFinalised.class);
        assertThat(c.status()).isEqualTo(CaseStatus.FINALISED);
        assertThat(c.countersignedBy()).isEmpty();
        assertThat(c.decision().orElseThrow().conditions()).containsExactly("No onward transfer", "Annual report");
    }

    @Test
    void fastTrackApprovalWithoutTheSuggestedConditionsIsRejected() {
        Routing fast =
                new Routing(AssessmentRoute.FAST_TRACK, Set.of(), List.of("No onward transfer"), List.of(), "A-1");
        Case c = Fixtures.underReview(clock, fast);
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.APPROVED, "low risk", List.of(), List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("suggested conditions [No onward transfer]");
        assertThat(c.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    @Test
    void standardRouteIsFinalisedWithoutAdviceOrCountersignature() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        CaseEvent.CaseFinalised e = (CaseEvent.CaseFinalised)
                c.decide(CASEWORKER, Outcome.NO_LICENCE_REQUIRED, "not controlled", List.of(), List.of());
        assertThat(e.outcome()).isEqualTo(Outcome.NO_LICENCE_REQUIRED);
        assertThat(e.countersignedBy()).isNull();
    }

    @Test
    void enhancedReviewRequiresAdviceFromEveryTeamBeforeADecision() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        assertThat(c.routing().orElseThrow().requiredAdvice()).containsExactlyInAnyOrder(AdviserTeam.values());
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.APPROVED, "fine", List.of(), List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("ENHANCED_REVIEW requires advice from");
        CaseEvent.AdviceRequested asked = c.requestAdvice(CASEWORKER, Set.of(), "enhanced review");
        assertThat(asked.teams()).containsExactlyInAnyOrder(AdviserTeam.values());
    }

    @Test
    void enhancedReviewDecisionWaitsForCountersignature() {
        Case c = Fixtures.advisedAndConsolidated(clock);
        CaseEvent e = c.decide(CASEWORKER, Outcome.APPROVED, "advice supports approval", List.of(), List.of());
        assertThat(e).isInstanceOf(CaseEvent.DecisionProposed.class);
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);
        assertThat(c.queues()).containsExactly(Queue.COUNTERSIGNING);
        assertThat(c.decision()).isEmpty();
        CaseEvent.CaseFinalised done = c.countersign(SENIOR, "agree");
        assertThat(done.decidedBy()).isEqualTo(CASEWORKER.id());
        assertThat(done.countersignedBy()).isEqualTo(SENIOR.id());
        assertThat(c.decision().orElseThrow().outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void adviceMustBeConsolidatedBeforeTheDecision() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        c.requestAdvice(CASEWORKER, Set.of(AdviserTeam.HUMAN_RIGHTS), "second opinion");
        c.giveAdvice(HUMAN_RIGHTS_ADVISER, AdviserTeam.HUMAN_RIGHTS, AdviceType.APPROVE, "ok", List.of(), List.of());
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.APPROVED, "fine", List.of(), List.of()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("ADVICE_CONSOLIDATION");
        c.consolidateAdvice(CASEWORKER, "human rights content");
        assertThat(c.decide(CASEWORKER, Outcome.APPROVED, "fine", List.of(), List.of()))
                .isInstanceOf(CaseEvent.CaseFinalised.class);
    }

    @Test
    void presumptionOfDenialNeedsACountersignatureEvenForARefusal() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.PRESUMPTION_OF_DENIAL);
        CaseEvent e = c.decide(
                CASEWORKER, Outcome.REFUSED, "presumption not rebutted", List.of(RefusalCriterion.UK_C7), List.of());
        assertThat(e).isInstanceOf(CaseEvent.DecisionProposed.class);
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);
    }

    @Test
    void hardStopTakesNoAdviceAndCanOnlyBeRefused() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.HARD_STOP);
        assertThatThrownBy(() -> c.requestAdvice(CASEWORKER, Set.of(AdviserTeam.DEFENCE), "check"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("refusal path");
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.APPROVED, "looks fine", List.of(), List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("can only be REFUSED");
        CaseEvent.CaseFinalised e = (CaseEvent.CaseFinalised) c.decide(
                CASEWORKER, Outcome.REFUSED, "end user is sanctioned", List.of(RefusalCriterion.UK_C1), List.of());
        assertThat(e.criteriaIds()).containsExactly("UK-C1");
    }

    @Test
    void hardStopRoutingCannotNameAdviceTeams() {
        assertThatThrownBy(() ->
                        new Routing(AssessmentRoute.HARD_STOP, Set.of(AdviserTeam.DEFENCE), List.of(), List.of(), "A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no advice");
    }

    @Test
    void assessmentMayAddAdviceTeamsToAStandardRoute() {
        Routing r =
                new Routing(AssessmentRoute.STANDARD, Set.of(AdviserTeam.HUMAN_RIGHTS), List.of(), List.of(), "A-7");
        Case c = Fixtures.underReview(clock, r);
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.APPROVED, "fine", List.of(), List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("[HUMAN_RIGHTS]");
    }

    @Test
    void caseworkerMayEscalateButNotDowngradeTheRoute() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        CaseEvent.CaseRouted up =
                c.reroute(CASEWORKER, Routing.of(AssessmentRoute.ENHANCED_REVIEW), "end user unclear");
        assertThat(up.route()).isEqualTo(AssessmentRoute.ENHANCED_REVIEW);
        assertThat(c.queues()).containsExactly(Queue.ENHANCED_REVIEW);
        assertThatThrownBy(() -> c.reroute(CASEWORKER, Routing.of(AssessmentRoute.FAST_TRACK), "in a hurry"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("stricter route");
        c.reroute(SYSTEM, Routing.of(AssessmentRoute.STANDARD), "re-assessed after new evidence");
        assertThat(c.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.STANDARD);
    }

    @Test
    void refusalMustCiteCriteriaByRuleId() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.REFUSED, "risky", List.of(), List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at least one refusal criterion");
        c.decide(
                CASEWORKER,
                Outcome.REFUSED,
                "risky",
                List.of(RefusalCriterion.byId("UK-C2"), RefusalCriterion.EU_ART5_1),
                List.of());
        assertThat(c.decision().orElseThrow().criteria())
                .extracting(RefusalCriterion::id)
                .containsExactly("UK-C2", "EU-ART5-1");
    }

    @Test
    void criteriaTaggedRecollectionAreUnverified() {
        assertThat(RefusalCriterion.UK_C8.unverified()).isTrue();
        assertThat(RefusalCriterion.EU_CP2008_C2.unverified()).isTrue();
        assertThat(RefusalCriterion.UK_C2.unverified()).isFalse();
        assertThatThrownBy(() -> RefusalCriterion.byId("UK-CRIT-2")).hasMessageContaining("'UK-CRIT-2'");
    }
}
