package org.pallas.server.platform;

import java.util.Optional;

/**
 * Resolves a personal access token (sent as {@code Authorization: Bearer <token>}) to its caller.
 * Implemented by the identity module; empty for unknown, expired, revoked or malformed tokens.
 */
public interface BearerTokens {
    Optional<Caller> authenticate(String token);
}
