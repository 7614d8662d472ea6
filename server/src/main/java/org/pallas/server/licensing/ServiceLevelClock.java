package org.pallas.server.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Counts a case's elapsed working days from its event history. A working day counts when it lies after the day of
 * submission, up to and including the day the clock stops (decision, withdrawal or "now"), and the case was not
 * waiting for the applicant at the end of that day (or at the stop, on the last day). This is LITE's nightly counter
 * (peers.md §1, SLA) computed on read: a question asked and answered within one day costs the authority that day.
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

    int elapsed(CaseTimeline t, Instant asOf) {
        if (t.submittedAt() == null || !t.submittedAt().isBefore(asOf)) {
            return 0;
        }
        Instant end = t.clockEnd(asOf);
        LocalDate last = end.atZone(zone).toLocalDate();
        int days = 0;
        for (LocalDate d = t.submittedAt().atZone(zone).toLocalDate().plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            Instant endOfDay = d.plusDays(1).atStartOfDay(zone).toInstant();
            Instant probe = endOfDay.isAfter(end) ? end : endOfDay;
            if (!t.pausedAt(probe)) {
                days++;
            }
        }
        return days;
    }
}
