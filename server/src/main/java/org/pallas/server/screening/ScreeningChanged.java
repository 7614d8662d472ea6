package org.pallas.server.screening;

import java.util.UUID;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;

/**
 * Screening's published events, one per change inside the transaction that makes it. Party names, queries and
 * explanations are confidential (the exporter's customer data); counts, scores and list versions may be published.
 */
public sealed interface ScreeningChanged extends RecordedChange {

    @RecordedAs(type = "screening.list.imported", subject = "list-version")
    record ListImported(Facts facts) implements ScreeningChanged {}

    @RecordedAs(type = "screening.search.performed", subject = "screening-search")
    record SearchPerformed(Facts facts) implements ScreeningChanged {}

    @RecordedAs(type = "screening.party.created", subject = "screening-party")
    record PartyCreated(Facts facts) implements ScreeningChanged {}

    @RecordedAs(type = "screening.party.updated", subject = "screening-party")
    record PartyUpdated(Facts facts) implements ScreeningChanged {}

    @RecordedAs(type = "screening.party.screened", subject = "screening-party")
    record PartyScreened(Facts facts) implements ScreeningChanged {}

    /** An alert that is open again for review: newly raised, or reopened because its entry changed or relisted. */
    sealed interface AlertOpened extends ScreeningChanged {

        /** The screened party the alert is on. */
        default UUID partyId() {
            return UUID.fromString(publicMetadata().get("partyId").toString());
        }

        /** The listed entry, its score and the list versions, for whoever acts on the alert. */
        default String evidence() {
            return "Screening alert " + subjectId() + ": " + publicMetadata().get("source") + " entry "
                    + confidentialPayload().get("entryId") + ", score "
                    + confidentialPayload().get("score") + ", list versions "
                    + publicMetadata().get("listVersions");
        }
    }

    @RecordedAs(type = "screening.alert.raised", subject = "screening-alert")
    record AlertRaised(Facts facts) implements AlertOpened {}

    @RecordedAs(type = "screening.alert.reopened", subject = "screening-alert")
    record AlertReopened(Facts facts) implements AlertOpened {}

    /** The entry of an alert still under review or decided changed; the decision stands. */
    @RecordedAs(type = "screening.alert.updated", subject = "screening-alert")
    record AlertUpdated(Facts facts) implements ScreeningChanged {}

    @RecordedAs(type = "screening.alert.confirmed", subject = "screening-alert")
    record AlertConfirmed(Facts facts) implements ScreeningChanged {}

    @RecordedAs(type = "screening.alert.cleared", subject = "screening-alert")
    record AlertCleared(Facts facts) implements ScreeningChanged {}

    @RecordedAs(type = "screening.alert.lapsed", subject = "screening-alert")
    record AlertLapsed(Facts facts) implements ScreeningChanged {}
}
