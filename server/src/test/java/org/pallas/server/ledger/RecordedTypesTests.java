package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;

/**
 * The ledger record type of every published event: stated per event type, distinct, and the same strings the ledger
 * has always stored (existing entries, the integrity check and auditors rely on them).
 */
class RecordedTypesTests {

    /** Every record type entries on the ledger carry, as first published. */
    static final List<String> STORED_TYPES = List.of(
            "classification.product.registered",
            "classification.product.revised",
            "classification.request.amended",
            "classification.request.confirmed",
            "classification.request.submitted",
            "identity.organisation.created",
            "identity.organisation.updated",
            "identity.token.created",
            "identity.token.revoked",
            "identity.user.created",
            "identity.user.disabled",
            "identity.user.enabled",
            "identity.user.oidc-linked",
            "identity.user.password-changed",
            "identity.user.roles-changed",
            "identity.user.updated",
            "licensing.case.advice-consolidated",
            "licensing.case.advice-given",
            "licensing.case.advice-requested",
            "licensing.case.appeal-decided",
            "licensing.case.appeal-lodged",
            "licensing.case.appeal-officer-assigned",
            "licensing.case.application-amended",
            "licensing.case.application-submitted",
            "licensing.case.case-finalised",
            "licensing.case.case-officer-assigned",
            "licensing.case.case-routed",
            "licensing.case.case-withdrawn",
            "licensing.case.countersignature-refused",
            "licensing.case.decision-proposed",
            "licensing.case.draft-saved",
            "licensing.case.information-provided",
            "licensing.case.information-requested",
            "licensing.case.initial-checks-completed",
            "licensing.case.internal-note-added",
            "licensing.general-authorisation.registered",
            "licensing.general-authorisation.use-reported",
            "licensing.licence.issued",
            "licensing.licence.licence-expired",
            "licensing.licence.licence-flagged-for-review",
            "licensing.licence.licence-reinstated",
            "licensing.licence.licence-revoked",
            "licensing.licence.licence-surrendered",
            "licensing.licence.licence-suspended",
            "licensing.licence.review-flags-cleared",
            "licensing.licence.usage-reported",
            "misuse.report.action-taken",
            "misuse.report.evidence-confirmed",
            "misuse.report.message-sent",
            "misuse.report.received",
            "misuse.report.triaged",
            "policy.rulebook-change.approved",
            "policy.rulebook-change.proposed",
            "policy.rulebook-change.rejected",
            "screening.alert.cleared",
            "screening.alert.confirmed",
            "screening.alert.lapsed",
            "screening.alert.raised",
            "screening.alert.reopened",
            "screening.alert.updated",
            "screening.list.imported",
            "screening.party.created",
            "screening.party.screened",
            "screening.party.updated",
            "screening.search.performed");

    /** The concrete event types among the server's classes. */
    static List<Class<?>> eventTypes() {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.pallas.server")
                        .stream()
                        .filter(c -> c.isAssignableTo(RecordedChange.class) && !c.isInterface())
                        .<Class<?>>map(JavaClass::reflect)
                        .toList();
    }

    @Test
    void everyEventTypeStatesItsRecordTypeAndSubject() {
        assertThat(eventTypes())
                .hasSizeGreaterThanOrEqualTo(STORED_TYPES.size())
                .allSatisfy(type -> assertThat(type.getAnnotation(RecordedAs.class))
                        .as(type.getName())
                        .isNotNull());
    }

    @Test
    void everyEventTypeMapsToADistinctRecordType() {
        Map<String, List<String>> byType = new TreeMap<>();
        eventTypes()
                .forEach(type -> byType.computeIfAbsent(
                                type.getAnnotation(RecordedAs.class).type(), k -> new java.util.ArrayList<>())
                        .add(type.getName()));
        assertThat(byType)
                .as("record types claimed by more than one event type")
                .allSatisfy((type, classes) -> assertThat(classes).as(type).hasSize(1));
    }

    @Test
    void theRecordTypesAreTheOnesTheLedgerAlreadyStores() {
        assertThat(eventTypes().stream()
                        .map(type -> type.getAnnotation(RecordedAs.class).type()))
                .containsExactlyInAnyOrderElementsOf(STORED_TYPES);
    }

    @Test
    void anEventReportsTheRecordTypeAndSubjectOfItsClassNotItsName() {
        RecordedChange change = new Renamed(new RecordedChange.Facts("s-1", null, Instant.EPOCH, Map.of(), Map.of()));
        assertThat(change.type()).isEqualTo("test.thing.done");
        assertThat(change.subjectType()).isEqualTo("thing");
    }

    @RecordedAs(type = "test.thing.done", subject = "thing")
    private record Renamed(Facts facts) implements RecordedChange {}

    @Test
    void factsKeepAbsentValuesAndCannotBeChangedAfterPublishing() {
        java.util.HashMap<String, Object> confidential = new java.util.HashMap<>();
        confidential.put("notifyOfficerId", null);
        RecordedChange.Facts facts =
                new RecordedChange.Facts("s-1", UUID.randomUUID(), Instant.EPOCH, Map.of(), confidential);
        confidential.put("late", "x");
        assertThat(facts.confidentialPayload()).containsOnlyKeys("notifyOfficerId");
        assertThat(facts.confidentialPayload()).isUnmodifiable();
    }
}
