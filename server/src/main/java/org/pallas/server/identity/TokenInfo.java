package org.pallas.server.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal access token as listed to its owner: never the token itself. */
public record TokenInfo(UUID id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public boolean live(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
