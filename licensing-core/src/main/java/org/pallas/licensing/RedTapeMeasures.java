package org.pallas.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The red-tape measures as a pure function over case histories (see docs/licensing.md). Decided means a first-instance
 * decision (finalised, any outcome) at or before {@code asOf}; withdrawn cases are not decided. Appeals are outside
 * the processing target, as in the UK's measure (UK-PERF-T1/T2 count completed applications).
 */
public final class RedTapeMeasures {

    private final ServiceLevelClock clock;

    public RedTapeMeasures(ServiceLevelClock clock) {
        this.clock = clock;
    }

    public RedTapeReport compute(Collection<List<CaseEvent>> histories, Instant asOf) {
        Shares overall = Shares.NONE;
        Map<AssessmentRoute, Shares> byRoute = new EnumMap<>(AssessmentRoute.class);
        Map<String, Shares> byDestination = new TreeMap<>();
        Map<AssessmentRoute, List<Integer>> daysByRoute = new EnumMap<>(AssessmentRoute.class);
        Map<Queue, Long> backlog = new EnumMap<>(Queue.class);
        for (List<CaseEvent> history : histories) {
            List<CaseEvent> known =
                    history.stream().filter(e -> !e.change().at().isAfter(asOf)).toList();
            if (known.isEmpty()) {
                continue; // the case did not exist yet at asOf
            }
            CaseTimeline t = CaseTimeline.of(known);
            if (t.decidedAt() != null) {
                int days = clock.elapsed(t, asOf);
                overall = overall.add(days);
                byRoute.merge(t.route(), Shares.NONE.add(days), (a, b) -> a.add(days));
                for (String country : t.destinations()) {
                    byDestination.merge(country, Shares.NONE.add(days), (a, b) -> a.add(days));
                }
                daysByRoute.computeIfAbsent(t.route(), r -> new ArrayList<>()).add(days);
            }
            for (Queue q : t.queues()) {
                backlog.merge(q, 1L, Long::sum);
            }
        }
        Map<AssessmentRoute, Double> medians = new EnumMap<>(AssessmentRoute.class);
        daysByRoute.forEach((route, days) -> medians.put(route, median(days)));
        return new RedTapeReport(asOf, overall, byRoute, byDestination, medians, backlog);
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
