package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.TestClock.london;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLevelClockTest {

    private final ServiceLevelClock sla =
            new ServiceLevelClock(WorkingCalendar.englandAndWales(), ServiceLevelClock.UK);

    /** A standard case submitted at 10:00 London time on the given day, under review by CASEWORKER. */
    private static Case standardCase(TestClock clock) {
        return Fixtures.underReview(clock, AssessmentRoute.STANDARD);
    }

    private static void approve(Case c) {
        c.decide(CASEWORKER, Outcome.APPROVED, "acceptable", List.of(), List.of());
    }

    @Test
    void countsWorkingDaysAfterTheDayOfSubmissionUpToTheDecision() {
        TestClock clock = TestClock.at(2026, 3, 2); // Monday
        Case c = standardCase(clock);
        clock.setLondon(2026, 3, 6, 16); // Friday
        approve(c);
        assertThat(sla.elapsedWorkingDays(c.history(), clock.instant())).isEqualTo(4);
    }

    @Test
    void aCaseDecidedOnTheDayItWasSubmittedTookZeroWorkingDays() {
        TestClock clock = TestClock.at(2026, 3, 2);
        Case c = standardCase(clock);
        clock.setLondon(2026, 3, 2, 15);
        approve(c);
        assertThat(sla.elapsedWorkingDays(c.history(), london(2026, 3, 20, 12))).isZero();
    }

    @Test
    void weekendsDoNotCount() {
        TestClock clock = TestClock.at(2026, 3, 6); // Friday
        Case c = standardCase(clock);
        clock.setLondon(2026, 3, 9, 11); // Monday
        approve(c);
        assertThat(sla.elapsedWorkingDays(c.history(), clock.instant())).isEqualTo(1);
    }

    @Test
    void bankHolidaysDoNotCount() {
        TestClock clock = TestClock.at(2026, 4, 2); // Thursday before Good Friday
        Case c = standardCase(clock);
        clock.setLondon(2026, 4, 7, 11); // Tuesday after Easter Monday
        approve(c);
        assertThat(sla.elapsedWorkingDays(c.history(), clock.instant())).isEqualTo(1);
    }

    @Test
    void clockIsPausedWhileInformationIsRequestedFromTheApplicant() {
        TestClock clock = TestClock.at(2026, 3, 2); // Monday
        Case c = standardCase(clock);
        clock.setLondon(2026, 3, 3, 10); // Tuesday
        c.requestInformation(CASEWORKER, "Which unit?");
        clock.setLondon(2026, 3, 5, 15); // Thursday
        c.provideInformation(EXPORTER, "The cyber unit.");
        clock.setLondon(2026, 3, 6, 16); // Friday
        approve(c);
        // Tuesday and Wednesday end with the applicant holding the case; Thursday and Friday count.
        assertThat(sla.elapsedWorkingDays(c.history(), clock.instant())).isEqualTo(2);
    }

    @Test
    void questionAskedAndAnsweredWithinOneDayCostsTheAuthorityThatDay() {
        TestClock clock = TestClock.at(2026, 3, 2);
        Case c = standardCase(clock);
        clock.setLondon(2026, 3, 3, 9);
        c.requestInformation(CASEWORKER, "Which unit?");
        clock.setLondon(2026, 3, 3, 14);
        c.provideInformation(EXPORTER, "The cyber unit.");
        clock.setLondon(2026, 3, 6, 16);
        approve(c);
        assertThat(sla.elapsedWorkingDays(c.history(), clock.instant())).isEqualTo(4);
    }

    @Test
    void anOpenCaseCountsCompletedDaysAndNoneWhileStillPaused() {
        TestClock clock = TestClock.at(2026, 3, 2);
        Case c = standardCase(clock);
        // At noon on Friday 13th, Tuesday 3rd to Thursday 12th are complete: 8 working days.
        assertThat(sla.elapsedWorkingDays(c.history(), london(2026, 3, 13, 12))).isEqualTo(8);
        assertThat(sla.elapsedWorkingDays(c.history(), london(2026, 3, 14, 0))).isEqualTo(9);
        clock.setLondon(2026, 3, 13, 12);
        c.requestInformation(CASEWORKER, "Which unit?");
        // Friday 13th now ends with the applicant holding the case, and so does every day of the next week.
        assertThat(sla.elapsedWorkingDays(c.history(), london(2026, 3, 20, 12))).isEqualTo(8);
    }

    @Test
    void withdrawalStopsTheClock() {
        TestClock clock = TestClock.at(2026, 3, 2);
        Case c = standardCase(clock);
        clock.setLondon(2026, 3, 4, 12);
        c.withdraw(EXPORTER, "cancelled");
        assertThat(sla.elapsedWorkingDays(c.history(), london(2026, 3, 31, 12))).isEqualTo(2);
    }

    @Test
    void nothingElapsesBeforeSubmission() {
        TestClock clock = TestClock.at(2026, 3, 2);
        Case draft = Fixtures.draft(clock);
        assertThat(sla.elapsedWorkingDays(draft.history(), london(2026, 3, 20, 12)))
                .isZero();
    }

    @Test
    void dayBoundariesAreTakenInLondonTimeAcrossTheClockChange() {
        // BST starts Sunday 29 March 2026; 23:30 London on Friday 27 March is still Friday.
        TestClock clock = new TestClock(london(2026, 3, 26, 10)); // Thursday
        Case c = standardCase(clock);
        clock.set(java.time.ZonedDateTime.of(2026, 3, 27, 23, 30, 0, 0, ServiceLevelClock.UK)
                .toInstant());
        approve(c);
        assertThat(sla.elapsedWorkingDays(c.history(), clock.instant())).isEqualTo(1);
    }
}
