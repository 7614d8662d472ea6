package org.pallas.licensing;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The red-tape measures as of an instant: shares decided within 20 and 60 working days overall, by route and by
 * destination (a case counts once under each of its destinations); median working days to decision by route; and
 * the open cases in each queue.
 */
public record RedTapeReport(
        Instant asOf,
        Shares overall,
        Map<AssessmentRoute, Shares> byRoute,
        Map<String, Shares> byDestination,
        Map<AssessmentRoute, Double> medianWorkingDaysToDecision,
        Map<Queue, Long> backlog) {

    public RedTapeReport {
        byRoute = Map.copyOf(byRoute);
        byDestination = Map.copyOf(byDestination);
        medianWorkingDaysToDecision = Map.copyOf(medianWorkingDaysToDecision);
        backlog = Map.copyOf(backlog);
    }

    public OptionalDouble median(AssessmentRoute route) {
        Double m = medianWorkingDaysToDecision.get(route);
        return m == null ? OptionalDouble.empty() : OptionalDouble.of(m);
    }

    public Shares route(AssessmentRoute route) {
        return byRoute.getOrDefault(route, Shares.NONE);
    }

    public Shares destination(String countryCode) {
        return byDestination.getOrDefault(countryCode, Shares.NONE);
    }

    public long backlog(Queue queue) {
        return backlog.getOrDefault(queue, 0L);
    }
}
