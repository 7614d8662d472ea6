package org.pallas.licensing;

import java.time.Instant;

/** Something that happened to a licence, in the past tense, with who, when and why. */
public sealed interface LicenceEvent {

    /** Common facts of every event. {@code from} equals {@code to} for changes that keep the status. */
    record Change(String licenceId, Actor actor, Instant at, String reason, LicenceStatus from, LicenceStatus to) {}

    Change change();

    record LicenceIssued(Change change, String caseId) implements LicenceEvent {}

    record LicenceSuspended(Change change) implements LicenceEvent {}

    record LicenceReinstated(Change change) implements LicenceEvent {}

    record LicenceRevoked(Change change) implements LicenceEvent {}

    record LicenceSurrendered(Change change) implements LicenceEvent {}

    record LicenceExpired(Change change) implements LicenceEvent {}

    /** Accepted use; {@code to} is EXHAUSTED when this report used up the last capped quantity. */
    record UsageReported(Change change, UsageKind kind, long quantity, long totalUsed) implements LicenceEvent {}

    /** The case officer named in {@code notifyOfficerId} must review the licence. */
    record LicenceFlaggedForReview(Change change, ReviewReason reviewReason, String partyId, String notifyOfficerId)
            implements LicenceEvent {}

    record ReviewFlagsCleared(Change change) implements LicenceEvent {}
}
