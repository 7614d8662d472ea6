package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.TestClock.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexable service-level position agrees with the service-level clock it stands for. */
class SlaPositionTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    private final SlaPosition sla = new SlaPosition(calendar);
    private final ServiceLevelClock clock = new ServiceLevelClock(calendar, ServiceLevelClock.UK);

    @Test
    void aCaseSubmittedTodayHasItsSubmissionDayAsBaseAndNoElapsedDays() {
        TestClock at = TestClock.at(2026, 3, 2); // Monday
        Case c = Fixtures.underReview(at, AssessmentRoute.STANDARD);
        assertThat(sla.base(c.history(), at.instant())).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(sla.elapsed(LocalDate.of(2026, 3, 2), london(2026, 3, 2, 17)))
                .isZero();
        assertThat(sla.elapsed(LocalDate.of(2026, 3, 2), london(2026, 3, 4, 9))).isEqualTo(1); // Tuesday completed
    }

    @Test
    void aDecidedCaseHasNoPosition() {
        TestClock at = TestClock.at(2026, 3, 2);
        Case c = Fixtures.underReview(at, AssessmentRoute.STANDARD);
        at.setLondon(2026, 3, 4, 12);
        c.decide(CASEWORKER, Outcome.APPROVED, "fine", java.util.List.of(), java.util.List.of());
        assertThat(sla.base(c.history(), at.instant())).isNull();
    }

    @Test
    void overdueStartsOnTheTwentyFirstCompletedWorkingDay() {
        // Submitted Monday 2 March 2026; 20 working days later is Monday 30 March (no holidays in between).
        LocalDate base = LocalDate.of(2026, 3, 2);
        Instant day20done = london(2026, 3, 31, 9); // Monday 30 March completed: 20 days
        Instant day21done = london(2026, 4, 1, 9); // Tuesday 31 March completed: 21 days
        assertThat(sla.elapsed(base, day20done)).isEqualTo(20);
        assertThat(base.isAfter(sla.overdueFrom(day20done)))
                .as("not overdue at 20 days")
                .isTrue();
        assertThat(sla.elapsed(base, day21done)).isEqualTo(21);
        assertThat(base.isAfter(sla.overdueFrom(day21done)))
                .as("overdue at 21 days")
                .isFalse();
    }

    @Test
    void afterAPauseTheBaseMovesOnAndStillGivesTheClocksCount() {
        TestClock at = TestClock.at(2026, 3, 2); // Monday
        Case c = Fixtures.underReview(at, AssessmentRoute.STANDARD);
        at.setLondon(2026, 3, 3, 10);
        c.requestInformation(CASEWORKER, "Which unit?");
        at.setLondon(2026, 3, 5, 15);
        c.provideInformation(EXPORTER, "The cyber unit.");
        LocalDate base = sla.base(c.history(), at.instant());
        for (int day = 6; day <= 27; day++) {
            Instant asOf = london(2026, 3, day, 12);
            assertThat(sla.elapsed(base, asOf))
                    .as("2026-03-%02d", day)
                    .isEqualTo(clock.elapsedWorkingDays(c.history(), asOf));
        }
    }

    /** Random histories: at every event the base, projected forward without further events, matches the clock. */
    @Test
    void agreesWithTheServiceLevelClockOnRandomHistories() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            TestClock at = TestClock.at(2026, 1 + random.nextInt(9), 1 + random.nextInt(28));
            Case c = Fixtures.underReview(at, AssessmentRoute.STANDARD);
            for (int step = 0; step < 4; step++) {
                at.advance(Duration.ofHours(1 + random.nextInt(24 * 6)));
                if (c.status() == CaseStatus.INFORMATION_REQUESTED) {
                    c.provideInformation(EXPORTER, "answer");
                } else {
                    c.requestInformation(CASEWORKER, "question");
                    continue; // the base of a paused case is not used for running cases
                }
                LocalDate base = sla.base(c.history(), at.instant());
                for (int later = 0; later < 30; later += 1 + random.nextInt(5)) {
                    Instant asOf = at.instant().plus(Duration.ofDays(later)).plus(Duration.ofHours(random.nextInt(24)));
                    assertThat(sla.elapsed(base, asOf))
                            .as("run %d step %d +%d days", run, step, later)
                            .isEqualTo(clock.elapsedWorkingDays(c.history(), asOf));
                }
            }
        }
    }
}
