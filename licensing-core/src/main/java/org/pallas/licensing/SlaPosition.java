package org.pallas.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an open case stands on its working-day clock, as one date the database can index: the <em>base</em> B such
 * that, while the case keeps running, its elapsed working days as of any later instant are
 * {@code calendar.workingDaysAfter(B, day before)} (the {@link ServiceLevelClock} counts completed days only). B is
 * recomputed at every event of the case, so a pause (the applicant holding the case) moves it forward when the case
 * comes back. Sorting by B is sorting by service-level days remaining; "overdue" is B on or before {@link #overdueFrom}.
 */
public final class SlaPosition {

    /** The UK's primary processing target in working days (UK-PERF-T1). */
    public static final int TARGET_DAYS = 20;

    private final WorkingCalendar calendar;
    private final ServiceLevelClock clock;

    public SlaPosition(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.clock = new ServiceLevelClock(calendar, ServiceLevelClock.UK);
    }

    /** The base date of a case with this history at {@code at}; null when it is not submitted or the clock stopped. */
    public LocalDate base(List<CaseEvent> history, Instant at) {
        CaseTimeline t = CaseTimeline.of(history);
        if (t.submittedAt() == null || t.stoppedAt() != null) {
            return null;
        }
        try {
            int elapsed = clock.elapsed(t, at);
            LocalDate submitted = t.submittedAt().atZone(ServiceLevelClock.UK).toLocalDate();
            LocalDate base = back(elapsed, day(at).minusDays(1));
            return base.isBefore(submitted) ? submitted : base;
        } catch (IllegalArgumentException outsideCalendar) {
            return null; // the holiday calendar does not cover these dates: no position rather than a wrong one
        }
    }

    /** Elapsed working days of a running case with base {@code base} as of {@code asOf}. */
    public int elapsed(LocalDate base, Instant asOf) {
        return calendar.workingDaysAfter(base, day(asOf).minusDays(1));
    }

    /** A running case is overdue (more than 20 working days elapsed) as of {@code asOf} when its base is on or before this. */
    public LocalDate overdueFrom(Instant asOf) {
        return back(TARGET_DAYS + 1, day(asOf).minusDays(1));
    }

    /** The latest date d with {@code workingDaysAfter(d, last) == days}. */
    private LocalDate back(int days, LocalDate last) {
        LocalDate d = last;
        for (int counted = 0; counted < days; d = d.minusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ServiceLevelClock.UK).toLocalDate();
    }
}
