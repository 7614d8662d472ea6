package org.pallas.server.classification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.RecordedChange;

/**
 * A change in the product register or to a classification request, published once per change inside
 * its transaction. Types: {@code classification.product.registered|revised},
 * {@code classification.request.submitted|confirmed|amended}.
 */
public record ClassificationChanged(
        String type,
        String subjectType,
        String subjectId,
        UUID actorUserId,
        Instant occurredAt,
        Map<String, Object> publicMetadata,
        Map<String, Object> confidentialPayload) implements RecordedChange {

    public ClassificationChanged {
        publicMetadata = Map.copyOf(publicMetadata);
        confidentialPayload = Map.copyOf(confidentialPayload);
    }
}
