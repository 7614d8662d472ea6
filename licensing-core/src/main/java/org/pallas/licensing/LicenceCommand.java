package org.pallas.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What was asked of a licence, as stored in {@code licensing_licence_command}. Replaying a licence's commands in
 * order, each at its recorded time, rebuilds the {@link Licence} exactly, so the domain stays the single authority on
 * the rules (as {@link CaseCommand} does for cases).
 */
public sealed interface LicenceCommand {

    /** Seq 0: the licence issued for the approved case, valid from the given day, with its reporting duties. */
    record Issue(LocalDate validFrom, List<ReportingDuty> reportingDuties) implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            throw new IllegalStateException("a licence is issued by Licence.issue, not applied");
        }
    }

    record ReportUsage(UsageKind kind, long quantity, LocalDate occurredOn, String reference)
            implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return Optional.of(l.reportUsage(actor, kind, quantity, occurredOn, reference));
        }
    }

    record Surrender(String reason) implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return Optional.of(l.surrender(actor, reason));
        }
    }

    record Suspend(String reason) implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return Optional.of(l.suspend(actor, reason));
        }
    }

    record Reinstate(String reason) implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return Optional.of(l.reinstate(actor, reason));
        }
    }

    record Revoke(String reason) implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return Optional.of(l.revoke(actor, reason));
        }
    }

    /** The expiry sweep; stored only when it expired the licence. */
    record Expire() implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return l.expireIfDue(actor).map(e -> e);
        }
    }

    record FlagForReview(ReviewReason reason, String partyId, String evidence) implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return Optional.of(l.flagForReview(actor, reason, partyId, evidence));
        }
    }

    record ClearReviewFlags(String reason) implements LicenceCommand {
        @Override
        public Optional<LicenceEvent> applyTo(Licence l, Actor actor) {
            return Optional.of(l.clearReviewFlags(actor, reason));
        }
    }

    /** Applies the command (not {@link Issue}) to the licence; empty when it changed nothing. */
    Optional<LicenceEvent> applyTo(Licence l, Actor actor);
}
