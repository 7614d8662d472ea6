package org.pallas.licensing;

/**
 * The status an exporter sees. The internal steps (advice, consolidation, countersignature) all read "under review",
 * so an exporter cannot tell from the status which route or which advisers their case went to.
 */
public enum ExporterStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    INFORMATION_REQUESTED,
    APPROVED,
    REFUSED,
    NO_LICENCE_REQUIRED,
    WITHDRAWN,
    UNDER_APPEAL,
    APPEAL_ALLOWED,
    APPEAL_DISMISSED;

    static ExporterStatus of(Case c) {
        return switch (c.status()) {
            case DRAFT -> DRAFT;
            case SUBMITTED, INITIAL_CHECKS -> SUBMITTED;
            case UNDER_REVIEW, AWAITING_ADVICE, ADVICE_CONSOLIDATION, AWAITING_COUNTERSIGNATURE -> UNDER_REVIEW;
            case INFORMATION_REQUESTED -> INFORMATION_REQUESTED;
            case FINALISED -> valueOf(c.decision().orElseThrow().outcome().name());
            case WITHDRAWN -> WITHDRAWN;
            case UNDER_APPEAL -> UNDER_APPEAL;
            case APPEAL_DECIDED ->
                c.appeal().orElseThrow().outcome() == Outcome.APPROVED ? APPEAL_ALLOWED : APPEAL_DISMISSED;
        };
    }
}
