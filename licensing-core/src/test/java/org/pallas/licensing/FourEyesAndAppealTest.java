package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.CASEWORKER_AND_SENIOR;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.Fixtures.OTHER_CASEWORKER;
import static org.pallas.licensing.Fixtures.OTHER_SENIOR;
import static org.pallas.licensing.Fixtures.SENIOR;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FourEyesAndAppealTest {

    private final TestClock clock = TestClock.at(2026, 3, 2);

    private Case proposedBy(Actor officer) {
        Case c = Fixtures.submitted(clock);
        c.route(Fixtures.SYSTEM, Routing.of(AssessmentRoute.PRESUMPTION_OF_DENIAL));
        c.assignCaseOfficer(officer, officer.id());
        c.completeInitialChecks(officer);
        c.decide(officer, Outcome.REFUSED, "diversion risk", List.of(RefusalCriterion.UK_C7), List.of());
        return c;
    }

    @Test
    void deciderMayNotCountersignTheirOwnDecisionEvenAsASeniorOfficer() {
        Case c = proposedBy(CASEWORKER_AND_SENIOR);
        assertThatThrownBy(() -> c.countersign(CASEWORKER_AND_SENIOR, "I agree with myself"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("four eyes: casey made the decision on case C-1 and may not countersign it");
        assertThatThrownBy(() -> c.refuseCountersignature(CASEWORKER_AND_SENIOR, "no"))
                .isInstanceOf(RuleViolationException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);
        c.countersign(SENIOR, "agree");
        assertThat(c.countersignedBy()).contains(SENIOR.id());
    }

    @Test
    void onlySeniorOfficersCountersign() {
        Case c = proposedBy(CASEWORKER);
        assertThatThrownBy(() -> c.countersign(OTHER_CASEWORKER, "agree"))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("needs role SENIOR_OFFICER");
    }

    @Test
    void refusedCountersignatureReturnsTheCaseAndKeepsTheRejectedDecisionForAudit() {
        Case c = proposedBy(CASEWORKER);
        CaseEvent.CountersignatureRefused e = c.refuseCountersignature(SENIOR, "criteria do not fit the facts");
        assertThat(e.decidedBy()).isEqualTo(CASEWORKER.id());
        assertThat(c.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(c.proposedDecision()).isEmpty();
        assertThat(c.countersignatures()).singleElement().satisfies(s -> {
            assertThat(s.accepted()).isFalse();
            assertThat(s.decision().criteria()).containsExactly(RefusalCriterion.UK_C7);
        });
        c.decide(CASEWORKER, Outcome.REFUSED, "re-reasoned", List.of(RefusalCriterion.UK_C2), List.of());
        c.countersign(OTHER_SENIOR, "agree now");
        assertThat(c.countersignatures()).extracting(Countersignature::accepted).containsExactly(false, true);
    }

    @Test
    void refusalOpensATwentyEightDayAppealWindowByTheClock() {
        Case c = Fixtures.refused(clock);
        assertThat(c.appealDeadline())
                .contains(c.decision().orElseThrow().decidedAt().plus(Duration.ofDays(28)));
        clock.advance(Duration.ofDays(28));
        CaseEvent.AppealLodged e = c.appeal(EXPORTER, "the unit has independent oversight");
        assertThat(c.status()).isEqualTo(CaseStatus.UNDER_APPEAL);
        assertThat(c.queues()).containsExactly(Queue.APPEALS);
        assertThat(e.deadline()).isEqualTo(c.appealDeadline().orElseThrow());
    }

    @Test
    void appealAfterTheWindowIsRejected() {
        Case c = Fixtures.refused(clock);
        clock.advance(Duration.ofDays(28).plusSeconds(1));
        assertThatThrownBy(() -> c.appeal(EXPORTER, "late"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("28-day appeal window");
        assertThat(c.status()).isEqualTo(CaseStatus.FINALISED);
    }

    @Test
    void onlyRefusalsCanBeAppealed() {
        Case c = Fixtures.approved(clock);
        assertThatThrownBy(() -> c.appeal(EXPORTER, "want more seats"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("only a refusal can be appealed");
        assertThat(c.appealDeadline()).isEmpty();
    }

    @Test
    void appealMustGoToAnOfficerOtherThanTheOriginalDecisionMakerOrCountersigner() {
        Case c = proposedBy(CASEWORKER);
        c.countersign(SENIOR, "agree");
        c.appeal(EXPORTER, "grounds");
        assertThatThrownBy(() -> c.assignAppealOfficer(OTHER_SENIOR, CASEWORKER.id()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("other than those who refused it");
        assertThatThrownBy(() -> c.assignAppealOfficer(OTHER_SENIOR, SENIOR.id()))
                .isInstanceOf(RuleViolationException.class);
        c.assignAppealOfficer(OTHER_SENIOR, OTHER_CASEWORKER.id());
        assertThat(c.appeal().orElseThrow().officerId()).isEqualTo(OTHER_CASEWORKER.id());
    }

    @Test
    void onlyTheAssignedAppealOfficerDecidesTheAppeal() {
        Case c = Fixtures.refused(clock);
        c.appeal(EXPORTER, "grounds");
        c.assignAppealOfficer(SENIOR, OTHER_CASEWORKER.id());
        assertThatThrownBy(() -> c.decideAppeal(CASEWORKER, Outcome.APPROVED, "I was wrong"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("other than those who refused it");
        assertThatThrownBy(() -> c.decideAppeal(OTHER_SENIOR, Outcome.APPROVED, "not mine"))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("assigned to dave");
        CaseEvent.AppealDecided e =
                c.decideAppeal(OTHER_CASEWORKER, Outcome.APPROVED, "oversight evidence is convincing");
        assertThat(e.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(c.status()).isEqualTo(CaseStatus.APPEAL_DECIDED);
        assertThat(c.standingOutcome()).contains(Outcome.APPROVED);
    }

    @Test
    void unassignedAppealCannotBeDecided() {
        Case c = Fixtures.refused(clock);
        c.appeal(EXPORTER, "grounds");
        assertThatThrownBy(() -> c.decideAppeal(OTHER_CASEWORKER, Outcome.REFUSED, "dismissed"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("has no officer yet");
    }
}
