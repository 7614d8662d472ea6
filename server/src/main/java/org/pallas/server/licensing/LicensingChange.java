package org.pallas.server.licensing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.RecordedChange;

/**
 * One state change of a case or licence, for the ledger. Public metadata carries identifiers, statuses, route and
 * outcome; anything an exporter wrote or an officer reasoned stays in the confidential payload.
 */
public record LicensingChange(String type, String subjectType, String subjectId, UUID actorUserId, Instant occurredAt,
        Map<String, Object> publicMetadata, Map<String, Object> confidentialPayload) implements RecordedChange {
}
