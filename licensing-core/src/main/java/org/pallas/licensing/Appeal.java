package org.pallas.licensing;

import java.time.Instant;

/** An appeal against a refusal, handled by an officer other than the one who refused. */
public record Appeal(
        String grounds,
        String lodgedBy,
        Instant lodgedAt,
        String officerId,
        Outcome outcome,
        String reasons,
        Instant decidedAt) {

    Appeal assign(String officer) {
        return new Appeal(grounds, lodgedBy, lodgedAt, officer, outcome, reasons, decidedAt);
    }

    Appeal decide(Outcome result, String why, Instant at) {
        return new Appeal(grounds, lodgedBy, lodgedAt, officerId, result, why, at);
    }
}
