package org.pallas.server.classification;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to the authority to classify one version of a product: the engine's proposal with the
 * reference data it used, and once decided the rating, the reasons and who decided.
 */
public record ClassificationRequest(
        UUID id,
        UUID productId,
        int productVersion,
        UUID organisationId,
        RequestStatus status,
        String note,
        Proposal proposal,
        String referenceDataVersion,
        String referenceDataSha256,
        Instant submittedAt,
        UUID submittedBy,
        Rating rating,
        String decisionReasons,
        Instant decidedAt,
        UUID decidedBy) {

    public boolean open() {
        return status == RequestStatus.SUBMITTED;
    }
}
