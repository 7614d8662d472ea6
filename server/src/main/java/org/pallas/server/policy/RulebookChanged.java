package org.pallas.server.policy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.RecordedChange;

/**
 * A reviewed change to the rulebook, published inside the transaction that makes it. Types:
 * {@code policy.rulebook-change.proposed}, {@code policy.rulebook-change.rejected} and
 * {@code policy.rulebook-change.approved} (the new version is active from then on). The rules are public: the
 * versions, hashes, file and reason are public metadata; the proposal records the SHA-256 of the proposed file text
 * (kept in {@code rulebook_change}), because a rule file may be larger than a ledger record.
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
