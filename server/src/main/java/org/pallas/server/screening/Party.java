package org.pallas.server.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A party in an organisation's register (customer, end user, consignee, broker ...), screened continuously. */
public record Party(
        UUID id,
        UUID organisationId,
        String name,
        String kind,
        String country,
        String birthDate,
        List<String> identifiers,
        String reference,
        Instant createdAt,
        Instant updatedAt,
        int revision) {}
