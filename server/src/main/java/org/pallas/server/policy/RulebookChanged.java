package org.pallas.server.policy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.RecordedChange;

/**
 * A reviewed change to the rulebook, published inside the transaction that makes it. Types:
 * {@code policy.rulebook-change.proposed}, {@code policy.rulebook-change.rejected} and
 * {@code policy.rulebook-change.approved} (the new version is active from then on). The rules are public: the
 * versions, hashes, file and reason are public metadata; the proposed text is kept as the confidential payload only
 * because it may be long, not because it is secret.
 */
public record RulebookChanged(
        String type,
        String subjectType,
        String subjectId,
        UUID actorUserId,
        Instant occurredAt,
        Map<String, Object> publicMetadata,
        Map<String, Object> confidentialPayload) implements RecordedChange {

    public RulebookChanged {
        publicMetadata = Map.copyOf(publicMetadata);
        confidentialPayload = Map.copyOf(confidentialPayload);
    }
}
