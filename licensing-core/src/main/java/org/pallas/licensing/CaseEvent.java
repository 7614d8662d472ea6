package org.pallas.licensing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pallas.policy.AdviserTeam;

/**
 * Something that happened to a case, in the past tense, with who, when and why. Every state-changing method of
 * {@link Case} returns one and appends it to the case history; the server publishes them and records them on the
 * ledger. Events carry identifiers and outcomes, not regulator-only text (advice reasoning, notes).
 */
public sealed interface CaseEvent {

    /** Common facts of every event. {@code from} equals {@code to} for changes that keep the status. */
    record Change(String caseId, Actor actor, Instant at, String reason, CaseStatus from, CaseStatus to) {}

    Change change();

    record DraftSaved(Change change) implements CaseEvent {}

    record ApplicationSubmitted(Change change, LicenceType type, int version, Set<String> destinations)
            implements CaseEvent {}

    record CaseRouted(Change change, AssessmentRoute route, Set<AdviserTeam> requiredAdvice, String assessmentReference)
            implements CaseEvent {}

    record CaseOfficerAssigned(Change change, String officerId) implements CaseEvent {}

    record InitialChecksCompleted(Change change) implements CaseEvent {}

    record AdviceRequested(Change change, Set<AdviserTeam> teams) implements CaseEvent {}

    record AdviceGiven(Change change, AdviserTeam team, AdviceType type) implements CaseEvent {}

    record AdviceConsolidated(Change change, ConsolidatedAdvice.Type type) implements CaseEvent {}

    record InformationRequested(Change change, int requestNumber) implements CaseEvent {}

    record InformationProvided(Change change, int requestNumber) implements CaseEvent {}

    record ApplicationAmended(Change change, int version, Set<String> destinations) implements CaseEvent {}

    /** A decision that needs a countersignature before it is final. */
    record DecisionProposed(Change change, Outcome outcome) implements CaseEvent {}

    record CountersignatureRefused(Change change, String decidedBy) implements CaseEvent {}

    record CaseFinalised(
            Change change, Outcome outcome, List<String> criteriaIds, String decidedBy, String countersignedBy)
            implements CaseEvent {}

    record CaseWithdrawn(Change change) implements CaseEvent {}

    record AppealLodged(Change change, Instant deadline) implements CaseEvent {}

    record AppealOfficerAssigned(Change change, String officerId) implements CaseEvent {}

    record AppealDecided(Change change, Outcome outcome) implements CaseEvent {}

    record InternalNoteAdded(Change change) implements CaseEvent {}
}
