package org.pallas.server.platform;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A state change to be recorded (in the ledger). Each module publishes its changes as typed events (records named
 * in the past tense, e.g. {@code TokenCreated}) that implement this interface and carry {@link RecordedAs}; listeners
 * subscribe by event type. Every domain service publishes exactly one per state change, inside its
 * {@code @Transactional} method, through {@code ApplicationEventPublisher}; the ledger listens synchronously in the
 * same transaction, so the change and its record commit or roll back together.
 */
public interface RecordedChange {

    /** The facts of the change. */
    Facts facts();

    /** What happened, {@code <module>.<subject>.<verb>}: the event type's {@link RecordedAs#type()}. */
    default String type() {
        return RecordedTypes.of(getClass()).type();
    }

    /** The ledger record type of an event type, for reading back what it recorded (no string copies of it). */
    static String typeOf(Class<? extends RecordedChange> eventType) {
        return RecordedTypes.of(eventType).type();
    }

    /** The kind of thing that changed: the event type's {@link RecordedAs#subject()}. */
    default String subjectType() {
        return RecordedTypes.of(getClass()).subject();
    }

    default String subjectId() {
        return facts().subjectId();
    }

    default UUID actorUserId() {
        return facts().actorUserId();
    }

    default Instant occurredAt() {
        return facts().occurredAt();
    }

    default Map<String, Object> publicMetadata() {
        return facts().publicMetadata();
    }

    default Map<String, Object> confidentialPayload() {
        return facts().confidentialPayload();
    }

    /**
     * The facts every recorded change carries.
     *
     * @param subjectId its subject's identifier
     * @param actorUserId the user who made the change, or {@code null} for the system
     * @param occurredAt when, from the injected {@link java.time.Clock}
     * @param publicMetadata facts that may be published (no personal or commercially confidential data)
     * @param confidentialPayload facts that must stay confidential (recorded, e.g., only as a commitment)
     */
    record Facts(
            String subjectId,
            UUID actorUserId,
            Instant occurredAt,
            Map<String, Object> publicMetadata,
            Map<String, Object> confidentialPayload) {

        public Facts {
            // Copies that keep null values (a payload may say "no officer to notify").
            publicMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(publicMetadata));
            confidentialPayload = Collections.unmodifiableMap(new LinkedHashMap<>(confidentialPayload));
        }
    }
}
