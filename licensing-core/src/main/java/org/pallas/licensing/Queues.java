package org.pallas.licensing;

import java.util.EnumSet;
import java.util.Set;
import org.pallas.policy.AdviserTeam;

/** Which queue(s) a case in a given status sits in; shared by {@link Case} and the red-tape measures. */
final class Queues {

    private Queues() {}

    static Set<Queue> of(CaseStatus status, AssessmentRoute route, Set<AdviserTeam> outstandingAdvice) {
        return switch (status) {
            case SUBMITTED, INITIAL_CHECKS -> Set.of(Queue.LICENSING_RECEPTION);
            case UNDER_REVIEW, ADVICE_CONSOLIDATION -> Set.of(route.queue());
            case AWAITING_ADVICE -> {
                Set<Queue> queues = EnumSet.noneOf(Queue.class);
                outstandingAdvice.forEach(t -> queues.add(Queue.adviceOf(t)));
                yield Set.copyOf(queues);
            }
            case AWAITING_COUNTERSIGNATURE -> Set.of(Queue.COUNTERSIGNING);
            case INFORMATION_REQUESTED -> Set.of(Queue.WITH_APPLICANT);
            case UNDER_APPEAL -> Set.of(Queue.APPEALS);
            case DRAFT, FINALISED, WITHDRAWN, APPEAL_DECIDED -> Set.of();
        };
    }
}
