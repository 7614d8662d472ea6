package org.pallas.server.classification;

import java.time.Instant;
import java.util.UUID;

/**
 * The rating the authority confirmed (or amended) for one version of a product: what licensing uses.
 * {@code referenceDataVersion} names the control-list data the rating was made against.
 */
public record ConfirmedRating(
        UUID productId,
        int productVersion,
        UUID requestId,
        RequestStatus status,
        Rating rating,
        String referenceDataVersion,
        Instant decidedAt) {}
