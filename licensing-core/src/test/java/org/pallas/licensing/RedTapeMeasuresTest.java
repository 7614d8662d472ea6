package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.DEFENCE_ADVISER;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.Fixtures.HUMAN_RIGHTS_ADVISER;
import static org.pallas.licensing.Fixtures.SECURITY_ADVISER;
import static org.pallas.licensing.Fixtures.SENIOR;
import static org.pallas.licensing.Fixtures.SYSTEM;
import static org.pallas.licensing.TestClock.london;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;

class RedTapeMeasuresTest {

    private static final Instant AS_OF = london(2026, 10, 1, 12);

    private final ServiceLevelClock sla =
            new ServiceLevelClock(WorkingCalendar.englandAndWales(), ServiceLevelClock.UK);
    private final RedTapeMeasures measures = new RedTapeMeasures(sla);
    private final List<Case> cases = new ArrayList<>();
    private final List<TestClock> clocks = new ArrayList<>();

    /** Submitted 10:00 Monday 8 June 2026 (no bank holiday until 31 August), routed, under review. */
    private Case open(String id, AssessmentRoute route, String country) {
        TestClock clock = TestClock.at(2026, 6, 8);
        ApplicationDetails details = Fixtures.individual()
                .withParties(List.of(Fixtures.endUser("EU-1", country)))
                .withDestinations(Set.of(country));
        Case c = Case.draft(id, EXPORTER, LicenceType.INDIVIDUAL, details, Fixtures.RULES, clock);
        c.submit(EXPORTER);
        c.route(SYSTEM, Routing.of(route));
        c.assignCaseOfficer(CASEWORKER, CASEWORKER.id());
        c.completeInitialChecks(CASEWORKER);
        cases.add(c);
        clocks.add(clock);
        return c;
    }

    private TestClock clockOf(Case c) {
        return clocks.get(cases.indexOf(c));
    }

    private void decideOn(Case c, int month, int day, Outcome outcome) {
        TestClock clock = clockOf(c);
        if (c.routing().orElseThrow().route() == AssessmentRoute.ENHANCED_REVIEW) {
            c.requestAdvice(CASEWORKER, Set.of(), "enhanced");
            c.giveAdvice(
                    HUMAN_RIGHTS_ADVISER, AdviserTeam.HUMAN_RIGHTS, AdviceType.APPROVE, "ok", List.of(), List.of());
            c.giveAdvice(
                    SECURITY_ADVISER, AdviserTeam.NATIONAL_SECURITY, AdviceType.APPROVE, "ok", List.of(), List.of());
            c.giveAdvice(DEFENCE_ADVISER, AdviserTeam.DEFENCE, AdviceType.APPROVE, "ok", List.of(), List.of());
            c.consolidateAdvice(CASEWORKER, "content");
            c.decide(CASEWORKER, outcome, "reasons", criteria(outcome), List.of());
            clock.setLondon(2026, month, day, 11);
            c.countersign(SENIOR, "agree");
        } else {
            clock.setLondon(2026, month, day, 11);
            c.decide(CASEWORKER, outcome, "reasons", criteria(outcome), List.of());
        }
    }

    private static List<RefusalCriterion> criteria(Outcome outcome) {
        return outcome == Outcome.REFUSED ? List.of(RefusalCriterion.UK_C2) : List.of();
    }

    private RedTapeReport report(Instant asOf) {
        return measures.compute(cases.stream().map(Case::history).toList(), asOf);
    }

    @BeforeEach
    void demoCaseload() {
        decideOn(open("F-0", AssessmentRoute.FAST_TRACK, "DE"), 6, 8, Outcome.APPROVED); // 0 working days
        decideOn(open("F-1", AssessmentRoute.FAST_TRACK, "DE"), 6, 9, Outcome.APPROVED); // 1
        decideOn(open("F-2", AssessmentRoute.FAST_TRACK, "DE"), 6, 10, Outcome.APPROVED); // 2
        Case s20 = open("S-20", AssessmentRoute.STANDARD, "FR");
        decideOn(s20, 7, 6, Outcome.REFUSED); // 20, then appealed
        clockOf(s20).setLondon(2026, 7, 10, 9);
        s20.appeal(EXPORTER, "grounds");
        decideOn(open("E-25", AssessmentRoute.ENHANCED_REVIEW, "FR"), 7, 13, Outcome.APPROVED); // 25
        decideOn(
                open("E-65", AssessmentRoute.ENHANCED_REVIEW, "AE"), 9, 8, Outcome.APPROVED); // 65: 31 Aug is a holiday
        open("S-open", AssessmentRoute.STANDARD, "DE");
        Case advising = open("E-open", AssessmentRoute.ENHANCED_REVIEW, "DE");
        advising.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        advising.giveAdvice(
                HUMAN_RIGHTS_ADVISER, AdviserTeam.HUMAN_RIGHTS, AdviceType.NO_VIEW, "n/a", List.of(), List.of());
        open("S-asked", AssessmentRoute.STANDARD, "DE").requestInformation(CASEWORKER, "Which unit?");
        open("S-withdrawn", AssessmentRoute.STANDARD, "DE").withdraw(EXPORTER, "cancelled");
    }

    @Test
    void decisionsAreCountedInWorkingDaysAsTheClockDefinesThem() {
        assertThat(cases.stream()
                        .filter(c -> c.decision().isPresent())
                        .map(c -> sla.elapsedWorkingDays(c.history(), AS_OF))
                        .toList())
                .containsExactly(0, 1, 2, 20, 25, 65);
    }

    @Test
    void sharesWithinTwentyAndSixtyWorkingDaysOverallAgainstTheUkTargets() {
        Shares overall = report(AS_OF).overall();
        assertThat(overall).isEqualTo(new Shares(6, 4, 5));
        assertThat(overall.shareWithin20()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(overall.meetsPrimaryTarget()).isFalse(); // 66.7% < 70% (UK-PERF-T1)
        assertThat(overall.meetsSecondaryTarget()).isFalse(); // 83.3% < 99% (UK-PERF-T2)
    }

    @Test
    void sharesByRoute() {
        RedTapeReport r = report(AS_OF);
        assertThat(r.route(AssessmentRoute.FAST_TRACK)).isEqualTo(new Shares(3, 3, 3));
        assertThat(r.route(AssessmentRoute.FAST_TRACK).meetsPrimaryTarget()).isTrue();
        assertThat(r.route(AssessmentRoute.STANDARD)).isEqualTo(new Shares(1, 1, 1));
        assertThat(r.route(AssessmentRoute.ENHANCED_REVIEW)).isEqualTo(new Shares(2, 0, 1));
        assertThat(r.route(AssessmentRoute.HARD_STOP)).isEqualTo(new Shares(0, 0, 0));
        assertThat(r.route(AssessmentRoute.HARD_STOP).shareWithin20()).isNaN();
    }

    @Test
    void sharesByDestination() {
        RedTapeReport r = report(AS_OF);
        assertThat(r.destination("DE")).isEqualTo(new Shares(3, 3, 3));
        assertThat(r.destination("FR")).isEqualTo(new Shares(2, 1, 2));
        assertThat(r.destination("AE")).isEqualTo(new Shares(1, 0, 0));
        assertThat(r.byDestination()).containsOnlyKeys("DE", "FR", "AE");
    }

    @Test
    void medianWorkingDaysToDecisionForFastTrackVersusEnhancedReview() {
        RedTapeReport r = report(AS_OF);
        assertThat(r.median(AssessmentRoute.FAST_TRACK)).hasValue(1.0);
        assertThat(r.median(AssessmentRoute.ENHANCED_REVIEW)).hasValue(45.0);
        assertThat(r.median(AssessmentRoute.PRESUMPTION_OF_DENIAL)).isEmpty();
    }

    @Test
    void backlogCountsOpenCasesInEveryQueueTheyWaitIn() {
        RedTapeReport r = report(AS_OF);
        assertThat(r.backlog())
                .containsOnly(
                        entry(Queue.STANDARD, 1L),
                        entry(Queue.NATIONAL_SECURITY_ADVICE, 1L),
                        entry(Queue.DEFENCE_ADVICE, 1L),
                        entry(Queue.WITH_APPLICANT, 1L),
                        entry(Queue.APPEALS, 1L));
    }

    @Test
    void anEarlierAsOfIgnoresLaterEvents() {
        RedTapeReport r = report(london(2026, 7, 1, 12));
        assertThat(r.overall()).isEqualTo(new Shares(3, 3, 3));
        // On 1 July S-20 was still under review and both enhanced cases awaited their countersignature.
        assertThat(r.backlog(Queue.STANDARD)).isEqualTo(2);
        assertThat(r.backlog(Queue.COUNTERSIGNING)).isEqualTo(2);
        assertThat(r.backlog(Queue.APPEALS)).isZero();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(RedTapeMeasures.median(List.of(7, 1, 3, 5))).isEqualTo(4.0);
        assertThat(RedTapeMeasures.median(List.of(9))).isEqualTo(9.0);
    }

    @Test
    void rejectsHistoriesThatAreOutOfOrderOrMixCases() {
        List<CaseEvent> h = cases.get(0).history();
        List<CaseEvent> reversed = new ArrayList<>(h);
        Collections.reverse(reversed);
        assertThatThrownBy(() -> measures.compute(List.of(reversed), AS_OF))
                .hasMessageContaining("history of case F-0 is out of order");
        List<CaseEvent> mixed = new ArrayList<>(h);
        mixed.addAll(cases.get(1).history());
        assertThatThrownBy(() -> measures.compute(List.of(mixed), AS_OF))
                .hasMessageContaining("holds an event of case F-1");
    }
}
