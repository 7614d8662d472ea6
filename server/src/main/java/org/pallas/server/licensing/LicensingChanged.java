package org.pallas.server.licensing;

import java.util.Objects;
import java.util.UUID;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;

/**
 * Licensing's published events: one state change of a case, a licence or a general-authorisation registration, for
 * the ledger and for listeners. Public metadata carries identifiers, statuses, route and outcome; anything an exporter
 * wrote or an officer reasoned stays in the confidential payload, with the applicant's organisation.
 */
public sealed interface LicensingChanged extends RecordedChange {

    /** The applicant's organisation. */
    default UUID organisationId() {
        return UUID.fromString(confidentialPayload().get("organisationId").toString());
    }

    /** A change of a case: its reference, route and standing outcome are public. */
    sealed interface CaseChanged extends LicensingChanged {

        /** The case reference, e.g. {@code EXP-2026-00012}. */
        default String caseReference() {
            return String.valueOf(publicMetadata().get("case"));
        }

        /** The case officer when the change was made (regulator-only), or {@code null} when unassigned. */
        default UUID caseOfficerToNotify() {
            Object officer = confidentialPayload().get("caseOfficerId");
            return officer == null ? null : UUID.fromString(officer.toString());
        }

        /** The reason, question or reasoning the actor gave with the change ("" when none). */
        default String reason() {
            Object reason = confidentialPayload().get("reason");
            return reason == null ? "" : reason.toString();
        }

        /** The user who made the change, as the domain names them. */
        default String actorId() {
            Object actor = confidentialPayload().get("actor");
            return actor == null ? "" : actor.toString();
        }

        /** The standing outcome, or {@code null} before a decision. */
        default String outcome() {
            Object outcome = publicMetadata().get("outcome");
            return outcome == null ? null : outcome.toString();
        }
    }

    /** A change of a licence: its reference and the status before and after. */
    sealed interface LicenceChanged extends LicensingChanged {

        default String licenceReference() {
            return String.valueOf(publicMetadata().get("licence"));
        }

        default String caseReference() {
            return String.valueOf(publicMetadata().get("case"));
        }

        default String from() {
            return String.valueOf(publicMetadata().get("from"));
        }

        default String to() {
            return String.valueOf(publicMetadata().get("to"));
        }

        default boolean statusChanged() {
            return !Objects.equals(from(), to());
        }
    }

    // ---- cases -----------------------------------------------------------------------------------------------------

    @RecordedAs(type = "licensing.case.draft-saved", subject = "case")
    record DraftSaved(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.application-submitted", subject = "case")
    record ApplicationSubmitted(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.case-routed", subject = "case")
    record CaseRouted(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.case-officer-assigned", subject = "case")
    record CaseOfficerAssigned(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.initial-checks-completed", subject = "case")
    record InitialChecksCompleted(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.advice-requested", subject = "case")
    record AdviceRequested(Facts facts) implements CaseChanged {

        /** The adviser teams asked (their names, e.g. HUMAN_RIGHTS). */
        public java.util.List<String> teams() {
            Object teams = confidentialPayload().get("adviceTeams");
            return teams instanceof java.util.List<?> l
                    ? l.stream().map(String::valueOf).toList()
                    : java.util.List.of();
        }
    }

    @RecordedAs(type = "licensing.case.advice-given", subject = "case")
    record AdviceGiven(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.advice-consolidated", subject = "case")
    record AdviceConsolidated(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.information-requested", subject = "case")
    record InformationRequested(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.information-provided", subject = "case")
    record InformationProvided(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.application-amended", subject = "case")
    record ApplicationAmended(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.decision-proposed", subject = "case")
    record DecisionProposed(Facts facts) implements CaseChanged {

        /** Whether the decision now waits for a senior officer's countersignature. */
        public boolean awaitsCountersignature() {
            return "AWAITING_COUNTERSIGNATURE"
                    .equals(String.valueOf(publicMetadata().get("to")));
        }

        /** The officer who proposed it (who may not countersign it: four eyes). */
        public String decidedBy() {
            Object by = confidentialPayload().get("decidedBy");
            return by == null ? actorId() : by.toString();
        }
    }

    @RecordedAs(type = "licensing.case.countersignature-refused", subject = "case")
    record CountersignatureRefused(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.case-finalised", subject = "case")
    record CaseFinalised(Facts facts) implements CaseChanged {

        /** The reasons of the decision that stands (the applicant reads them with the decision). */
        public String decisionReasons() {
            Object reasons = confidentialPayload().get("decisionReasons");
            return reasons == null ? reason() : reasons.toString();
        }
    }

    @RecordedAs(type = "licensing.case.case-withdrawn", subject = "case")
    record CaseWithdrawn(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.appeal-lodged", subject = "case")
    record AppealLodged(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.appeal-officer-assigned", subject = "case")
    record AppealOfficerAssigned(Facts facts) implements CaseChanged {}

    @RecordedAs(type = "licensing.case.appeal-decided", subject = "case")
    record AppealDecided(Facts facts) implements CaseChanged {}

    /** A regulator-only note; the system writes one when re-screening newly matches a party of an open case. */
    @RecordedAs(type = "licensing.case.internal-note-added", subject = "case")
    record InternalNoteAdded(Facts facts) implements CaseChanged {

        /** The domain's name of the system actor that re-screens parties against changed lists. */
        public static final String RESCREENING = "re-screening";

        /** Whether re-screening wrote the note (its case officer is told). */
        public boolean fromRescreening() {
            return RESCREENING.equals(actorId());
        }
    }

    // ---- licences --------------------------------------------------------------------------------------------------

    /** Issued on the final approval of its case; its validity is public. */
    @RecordedAs(type = "licensing.licence.issued", subject = "licence")
    record LicenceIssued(Facts facts) implements LicenceChanged {

        public String validFrom() {
            return String.valueOf(publicMetadata().get("validFrom"));
        }

        public String validUntil() {
            return String.valueOf(publicMetadata().get("validUntil"));
        }
    }

    @RecordedAs(type = "licensing.licence.licence-suspended", subject = "licence")
    record LicenceSuspended(Facts facts) implements LicenceChanged {}

    @RecordedAs(type = "licensing.licence.licence-reinstated", subject = "licence")
    record LicenceReinstated(Facts facts) implements LicenceChanged {}

    @RecordedAs(type = "licensing.licence.licence-revoked", subject = "licence")
    record LicenceRevoked(Facts facts) implements LicenceChanged {}

    @RecordedAs(type = "licensing.licence.licence-surrendered", subject = "licence")
    record LicenceSurrendered(Facts facts) implements LicenceChanged {}

    @RecordedAs(type = "licensing.licence.licence-expired", subject = "licence")
    record LicenceExpired(Facts facts) implements LicenceChanged {}

    @RecordedAs(type = "licensing.licence.usage-reported", subject = "licence")
    record UsageReported(Facts facts) implements LicenceChanged {}

    /** A live licence needs the case officer's review (regulator-only: the exporter is not told). */
    @RecordedAs(type = "licensing.licence.licence-flagged-for-review", subject = "licence")
    record LicenceFlaggedForReview(Facts facts) implements LicenceChanged {

        public String reviewReason() {
            return String.valueOf(publicMetadata().get("reviewReason"));
        }

        /** The case officer to tell, or {@code null} when the case has none. */
        public UUID officerToNotify() {
            Object officer = confidentialPayload().get("notifyOfficerId");
            return officer == null ? null : UUID.fromString(officer.toString());
        }
    }

    @RecordedAs(type = "licensing.licence.review-flags-cleared", subject = "licence")
    record ReviewFlagsCleared(Facts facts) implements LicenceChanged {}

    // ---- general authorisations ------------------------------------------------------------------------------------

    @RecordedAs(type = "licensing.general-authorisation.registered", subject = "ga-registration")
    record GeneralAuthorisationRegistered(Facts facts) implements LicensingChanged {}

    @RecordedAs(type = "licensing.general-authorisation.use-reported", subject = "ga-use")
    record GeneralAuthorisationUseReported(Facts facts) implements LicensingChanged {}
}
