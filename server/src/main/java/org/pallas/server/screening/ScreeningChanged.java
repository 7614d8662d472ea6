package org.pallas.server.screening;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.pallas.server.platform.RecordedChange;

/**
 * A screening state change, published once per change inside the transaction that makes it. Types:
 * {@code screening.list.imported}, {@code screening.search.performed}, {@code screening.party.created|updated},
 * {@code screening.party.screened}, {@code screening.alert.raised|reopened|confirmed|cleared|lapsed}.
 * Party names, queries and explanations are confidential (the exporter's customer data); counts,
 * scores and list versions may be published.
 */
public record ScreeningChanged(
        String type,
        String subjectType,
        String subjectId,
        UUID actorUserId,
        Instant occurredAt,
        Map<String, Object> publicMetadata,
        Map<String, Object> confidentialPayload) implements RecordedChange {

    public ScreeningChanged {
        publicMetadata = Map.copyOf(publicMetadata);
        confidentialPayload = Map.copyOf(confidentialPayload);
    }
}
