package org.pallas.server.classification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One version of a product; never changed once written. */
public record ProductVersion(
        UUID productId,
        int version,
        String name,
        String reference,
        String summary,
        Map<String, List<String>> answers,
        Instant createdAt,
        UUID createdBy) {

    public ProductVersion {
        answers = Map.copyOf(answers);
    }
}
