package org.pallas.server.classification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product in an exporter's register, as of its current version: name, the exporter's own reference,
 * a free-text summary and the questionnaire answers that describe what it does.
 */
public record Product(
        UUID id,
        UUID organisationId,
        int version,
        String name,
        String reference,
        String summary,
        Map<String, List<String>> answers,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        answers = Map.copyOf(answers);
    }
}
