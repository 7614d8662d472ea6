package org.pallas.server.licensing.servicelevels;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.CaseTimeline;
import org.pallas.licensing.Queue;
import org.pallas.licensing.RedTapeMeasures;
import org.pallas.licensing.RedTapeReport;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.Shares;
import org.pallas.licensing.WorkingCalendar;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level (red-tape) dashboard: the domain's {@link RedTapeMeasures} over the stored event histories of
 * the cases of a period, computed on read with the configured {@link WorkingCalendar}. Decisions count when they fall
 * in the period; the backlog is the open cases at its end. The full dashboard is for the authority and oversight;
 * the public version is aggregate only and leaves out destinations with too few decisions to stay anonymous.
 */
@Service
public class ServiceLevels {

    /** Destinations with fewer decisions in the period are not shown publicly (one exporter's deal could show). */
    static final int PUBLIC_MINIMUM = 5;

    private final CaseQueries queries;
    private final Clock clock;
    private final RedTapeMeasures measures;

    ServiceLevels(CaseQueries queries, Clock clock, WorkingCalendar calendar) {
        this.queries = queries;
        this.clock = clock;
        this.measures = new RedTapeMeasures(new ServiceLevelClock(calendar, ServiceLevelClock.UK));
    }

    /** A period of whole UK days, {@code from} to {@code to} inclusive. */
    record Period(LocalDate from, LocalDate to) {

        Instant start() {
            return from.atStartOfDay(ServiceLevelClock.UK).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ServiceLevelClock.UK).toInstant();
        }
    }

    /** The period asked for, or the last twelve months; never in the future. */
    public Period period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK);
        LocalDate end = to == null || to.isAfter(today) ? today : to;
        LocalDate start = from == null ? end.minusMonths(12).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "the period starts after it ends");
        }
        return new Period(start, end);
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(Caller caller, Period period) {
        if (!caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR)) {
            throw new AccessDeniedException(
                    "The service-level dashboard is for the licensing authority and oversight.");
        }
        return Dashboard.of(period, report(period), false);
    }

    /** The public, aggregate-only version (no caller needed). */
    @Transactional(readOnly = true)
    public Dashboard transparency(Period period) {
        return Dashboard.of(period, report(period), true);
    }

    public RedTapeReport report(Period period) {
        Instant start = period.start();
        Instant asOf = period.end().isAfter(clock.instant()) ? clock.instant() : period.end();
        List<List<CaseEvent>> histories = new ArrayList<>();
        for (List<CaseEvent> h : queries.serviceLevelHistories(start, asOf).values()) {
            List<CaseEvent> known =
                    h.stream().filter(e -> !e.change().at().isAfter(asOf)).toList();
            if (known.isEmpty()) {
                continue;
            }
            CaseTimeline t = CaseTimeline.of(known);
            // Decisions before the period are outside it; open cases count in the backlog whenever submitted.
            if (t.decidedAt() == null || !t.decidedAt().isBefore(start)) {
                histories.add(known);
            }
        }
        return measures.compute(histories, asOf);
    }

    /** One line of the dashboard: a group and its shares against the targets. */
    public record Line(
            String label,
            int decided,
            int within20,
            String share20,
            boolean meets20,
            int within60,
            String share60,
            boolean meets60) {

        static Line of(String label, Shares s) {
            return new Line(
                    label,
                    s.decided(),
                    s.within20(),
                    percent(s.shareWithin20()),
                    s.meetsPrimaryTarget(),
                    s.within60(),
                    percent(s.shareWithin60()),
                    s.meetsSecondaryTarget());
        }
    }

    public record Median(AssessmentRoute route, String workingDays) {}

    record Backlog(Queue queue, long cases) {}

    /** What the dashboard pages show. */
    public record Dashboard(
            Period period,
            Instant asOf,
            Line overall,
            List<Line> byRoute,
            List<Line> byDestination,
            List<Median> medians,
            List<Backlog> backlog,
            int destinationsWithheld,
            boolean forPublic) {

        static Dashboard of(Period period, RedTapeReport r, boolean forPublic) {
            List<Line> routes = new ArrayList<>();
            for (AssessmentRoute route : AssessmentRoute.values()) {
                if (r.route(route).decided() > 0) {
                    routes.add(Line.of(route.name(), r.route(route)));
                }
            }
            List<Line> destinations = new ArrayList<>();
            int withheld = 0;
            for (Map.Entry<String, Shares> e : r.byDestination().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                if (forPublic && e.getValue().decided() < PUBLIC_MINIMUM) {
                    withheld++;
                } else {
                    destinations.add(Line.of(e.getKey(), e.getValue()));
                }
            }
            List<Median> medians = new ArrayList<>();
            for (AssessmentRoute route : AssessmentRoute.values()) {
                r.median(route).ifPresent(m -> medians.add(new Median(route, days(m))));
            }
            List<Backlog> backlog = r.backlog().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .map(e -> new Backlog(e.getKey(), e.getValue()))
                    .toList();
            return new Dashboard(
                    period,
                    r.asOf(),
                    Line.of("All routes", r.overall()),
                    routes,
                    destinations,
                    medians,
                    backlog,
                    withheld,
                    forPublic);
        }
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String days(double median) {
        return median == Math.rint(median) ? Long.toString((long) median) : String.format(Locale.ROOT, "%.1f", median);
    }
}
