package org.pallas.server.platform;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A state change to be recorded (in the ledger). Every domain service publishes exactly one event
 * implementing this interface per state change, inside its {@code @Transactional} method, through
 * {@code ApplicationEventPublisher}; listeners run synchronously in the same transaction, so the
 * change and its record commit or roll back together.
 */
public interface RecordedChange {

    /** What happened, {@code <module>.<subject>.<verb>}, e.g. {@code identity.user.created}. */
    String type();

    /** The kind of thing that changed, e.g. {@code user}. */
    String subjectType();

    /** Its identifier. */
    String subjectId();

    /** The user who made the change, or {@code null} for the system. */
    UUID actorUserId();

    /** When, from the injected {@link java.time.Clock}. */
    Instant occurredAt();

    /** Facts that may be published (no personal or commercially confidential data). */
    Map<String, Object> publicMetadata();

    /** Facts that must stay confidential (recorded, e.g. only as a commitment). */
    Map<String, Object> confidentialPayload();
}
