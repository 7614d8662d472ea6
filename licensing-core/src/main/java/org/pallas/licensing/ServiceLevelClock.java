package org.pallas.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts a case's elapsed working days from its event history. A working day counts when it lies after the day of
 * submission and the case was not waiting for the applicant at the end of that day. For a decided or withdrawn case
 * the count runs to the day the clock stopped, that day judged at the stop; for an open case it runs over the days
 * completed by {@code asOf}, so the count never goes down as time passes. This is LITE's nightly counter (peers.md §1,
 * SLA) computed on read: a question asked and answered within one day costs the authority that day.
 */
public final class ServiceLevelClock {

    /** ECJU works to UK time; day boundaries are taken there. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public ServiceLevelClock(WorkingCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    /** Elapsed working days of the case as of {@code asOf}; zero before submission. */
    public int elapsedWorkingDays(List<CaseEvent> history, Instant asOf) {
        return elapsed(CaseTimeline.of(history), asOf);
    }

    public int elapsed(CaseTimeline t, Instant asOf) {
        if (t.submittedAt() == null || !t.submittedAt().isBefore(asOf)) {
            return 0;
        }
        Instant stop = t.stoppedAt();
        boolean stopped = stop != null && !stop.isAfter(asOf);
        Instant end = stopped ? stop : asOf;
        LocalDate first = t.submittedAt().atZone(zone).toLocalDate();
        LocalDate last = stopped
                ? stop.atZone(zone).toLocalDate()
                : asOf.atZone(zone).toLocalDate().minusDays(1);
        int days = calendar.workingDaysAfter(first, last);
        // Take back the counted days that ended (or, on the last day, stopped) with the applicant holding the case.
        Set<LocalDate> paused = new HashSet<>();
        for (Instant[] p : t.pauses()) {
            // From the day before: a pause that starts exactly at midnight already holds the end of that day.
            LocalDate from = p[0].atZone(zone).toLocalDate().minusDays(1);
            LocalDate to = (p[1] == null ? end : p[1]).atZone(zone).toLocalDate();
            for (LocalDate d = from.isAfter(first) ? from : first.plusDays(1);
                    !d.isAfter(to) && !d.isAfter(last);
                    d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d) && t.pausedAt(probe(d, end)) && paused.add(d)) {
                    days--;
                }
            }
        }
        return days;
    }

    /** The instant a day is judged at: its end, or the stop if the clock stops that day. */
    private Instant probe(LocalDate day, Instant end) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        return endOfDay.isAfter(end) ? end : endOfDay;
    }
}
