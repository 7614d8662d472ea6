package org.pallas.server.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.RecordedChange;

/**
 * A change to organisations, users, roles or tokens, published once per change inside the
 * transaction that makes it. Types: {@code identity.organisation.created|updated},
 * {@code identity.user.created|updated|disabled|enabled|roles-changed|password-changed|oidc-linked},
 * {@code identity.token.created|revoked}.
 */
public record IdentityChanged(
        String type,
        String subjectType,
        String subjectId,
        UUID actorUserId,
        Instant occurredAt,
        Map<String, Object> publicMetadata,
        Map<String, Object> confidentialPayload) implements RecordedChange {

    public IdentityChanged {
        publicMetadata = Map.copyOf(publicMetadata);
        confidentialPayload = Map.copyOf(confidentialPayload);
    }
}
