package org.pallas.server.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A possible match of a party with a list entry that needs a human decision. OPEN until reviewed;
 * CONFIRMED (a true match) or CLEARED (a false positive, with the reason); LAPSED when the entry left
 * the list. A cleared or lapsed alert reopens when its list entry changes or is listed again.
 */
public record Alert(
        UUID id,
        UUID partyId,
        String partyName,
        UUID organisationId,
        String source,
        String entryId,
        String listedName,
        String matchedName,
        double score,
        List<String> explanation,
        String listVersion,
        String status,
        String reason,
        UUID decidedBy,
        Instant decidedAt,
        Instant raisedAt,
        Instant updatedAt) {}
