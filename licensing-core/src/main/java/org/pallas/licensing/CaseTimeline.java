package org.pallas.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pallas.policy.AdviserTeam;

/**
 * What the service-level measures need from one case, folded from its event history alone: submission, route and
 * destinations at decision, the first-instance decision, clock pauses, and the current queues.
 */
public record CaseTimeline(
        String caseId,
        Instant submittedAt,
        AssessmentRoute route,
        Set<String> destinations,
        Instant decidedAt,
        Outcome outcome,
        Instant withdrawnAt,
        List<Instant[]> pauses,
        CaseStatus status,
        Set<AdviserTeam> outstandingAdvice) {

    public static CaseTimeline of(List<CaseEvent> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a case history has at least one event");
        }
        String caseId = history.get(0).change().caseId();
        Instant submittedAt = null;
        AssessmentRoute route = null;
        Set<String> destinations = Set.of();
        Instant decidedAt = null;
        Outcome outcome = null;
        Instant withdrawnAt = null;
        List<Instant[]> pauses = new ArrayList<>();
        Set<AdviserTeam> outstanding = EnumSet.noneOf(AdviserTeam.class);
        CaseStatus status = CaseStatus.DRAFT;
        Instant previous = Instant.MIN;
        for (CaseEvent e : history) {
            if (!e.change().caseId().equals(caseId)) {
                throw new IllegalArgumentException("history of case " + caseId + " holds an event of case "
                        + e.change().caseId());
            }
            Instant at = e.change().at();
            if (at.isBefore(previous)) {
                throw new IllegalArgumentException("history of case " + caseId + " is out of order at " + at);
            }
            previous = at;
            status = e.change().to();
            if (e instanceof CaseEvent.ApplicationSubmitted s) {
                submittedAt = at;
                destinations = s.destinations();
            } else if (e instanceof CaseEvent.ApplicationAmended a && decidedAt == null) {
                destinations = a.destinations();
            } else if (e instanceof CaseEvent.CaseRouted r && decidedAt == null) {
                route = r.route();
            } else if (e instanceof CaseEvent.CaseFinalised f && decidedAt == null) {
                decidedAt = at;
                outcome = f.outcome();
            } else if (e instanceof CaseEvent.CaseWithdrawn) {
                withdrawnAt = at;
            } else if (e instanceof CaseEvent.AdviceRequested r) {
                outstanding.clear();
                outstanding.addAll(r.teams());
            } else if (e instanceof CaseEvent.AdviceGiven g) {
                outstanding.remove(g.team());
            }
            // The clock stops while the applicant holds the case, whatever event moved it there or back.
            boolean pausedBefore = !pauses.isEmpty() && pauses.get(pauses.size() - 1)[1] == null;
            boolean pausedAfter = status == CaseStatus.INFORMATION_REQUESTED;
            if (!pausedBefore && pausedAfter) {
                pauses.add(new Instant[] {at, null});
            } else if (pausedBefore && !pausedAfter) {
                pauses.get(pauses.size() - 1)[1] = at;
            }
        }
        if (decidedAt != null && route == null) {
            throw new IllegalArgumentException("case " + caseId + " was decided but its history has no routing");
        }
        if (status != CaseStatus.AWAITING_ADVICE) {
            outstanding.clear();
        }
        return new CaseTimeline(
                caseId,
                submittedAt,
                route,
                destinations,
                decidedAt,
                outcome,
                withdrawnAt,
                List.copyOf(pauses),
                status,
                Set.copyOf(outstanding));
    }

    boolean pausedAt(Instant t) {
        for (Instant[] p : pauses) {
            if (!t.isBefore(p[0]) && (p[1] == null || t.isBefore(p[1]))) {
                return true;
            }
        }
        return false;
    }

    /** When the first-instance clock stopped (decision or withdrawal), or null while the case is open. */
    Instant stoppedAt() {
        return decidedAt != null ? decidedAt : withdrawnAt;
    }

    Set<Queue> queues() {
        return Queues.of(status, route, outstandingAdvice);
    }
}
