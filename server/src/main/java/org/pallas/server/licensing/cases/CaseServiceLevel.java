package org.pallas.server.licensing.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.CaseTimeline;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.SlaPosition;
import org.pallas.licensing.WorkingCalendar;

/**
 * Where one case stands on the service-level clock (UK-PERF-T1: 20 working days), as every case page shows it:
 * working days used, the target, and the time the clock stood still while the applicant held the case. Counted by
 * licensing-core's {@link ServiceLevelClock} from the case's own history, so the page and the dashboard agree.
 *
 * @param submitted whether the clock has started (a draft has used no days)
 * @param workingDaysUsed working days counted against the authority
 * @param targetWorkingDays the target (UK-PERF-T1)
 * @param pausedWorkingDays working days not counted because the applicant held the case
 * @param pausedTime the wall-clock time the case spent with the applicant
 * @param paused whether the applicant holds the case now (the clock is stopped until they answer)
 * @param stopped whether the clock stopped for good (decided or withdrawn)
 */
public record CaseServiceLevel(
        boolean submitted,
        int workingDaysUsed,
        int targetWorkingDays,
        int pausedWorkingDays,
        Duration pausedTime,
        boolean paused,
        boolean stopped) {

    /** Working days left to the target; negative when overdue. */
    public int workingDaysRemaining() {
        return targetWorkingDays - workingDaysUsed;
    }

    public boolean overdue() {
        return workingDaysUsed > targetWorkingDays;
    }

    /** Paused time in whole hours, for the page. */
    public long pausedHours() {
        return pausedTime.toHours();
    }

    /** The case's position as of {@code asOf}; null when the holiday calendar does not cover its dates. */
    static CaseServiceLevel of(List<CaseEvent> history, Instant asOf, WorkingCalendar calendar) {
        ServiceLevelClock clock = new ServiceLevelClock(calendar, ServiceLevelClock.UK);
        CaseTimeline t = CaseTimeline.of(history);
        CaseStatus status = t.status();
        boolean stopped = t.decidedAt() != null || t.withdrawnAt() != null;
        Instant end = stopped ? (t.decidedAt() != null ? t.decidedAt() : t.withdrawnAt()) : asOf;
        Duration pausedTime = Duration.ZERO;
        for (Instant[] p : t.pauses()) {
            Instant to = p[1] == null ? asOf : p[1];
            if (to.isAfter(p[0])) {
                pausedTime = pausedTime.plus(Duration.between(p[0], to.isAfter(end) && stopped ? end : to));
            }
        }
        try {
            int used = clock.elapsed(t, asOf);
            // The same timeline with no pauses: the difference is the working days the applicant held the case.
            CaseTimeline unpaused = new CaseTimeline(
                    t.caseId(),
                    t.submittedAt(),
                    t.route(),
                    t.destinations(),
                    t.decidedAt(),
                    t.outcome(),
                    t.withdrawnAt(),
                    List.of(),
                    t.status(),
                    t.outstandingAdvice());
            int paused = Math.max(0, clock.elapsed(unpaused, asOf) - used);
            return new CaseServiceLevel(
                    t.submittedAt() != null,
                    used,
                    SlaPosition.TARGET_DAYS,
                    paused,
                    pausedTime,
                    status == CaseStatus.INFORMATION_REQUESTED,
                    stopped);
        } catch (IllegalArgumentException outsideCalendar) {
            return null;
        }
    }
}
