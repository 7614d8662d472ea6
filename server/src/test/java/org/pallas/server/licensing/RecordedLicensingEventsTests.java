package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every domain event of a case or licence is published as its own typed event. */
class RecordedLicensingEventsTests {

    @Test
    void everyCaseEventTypeHasItsPublishedEvent() {
        assertThat(RecordedLicensingEvents.CASE.keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(CaseEvent.class.getPermittedSubclasses()));
    }

    @Test
    void everyLicenceEventTypeButIssuingHasItsPublishedEvent() {
        assertThat(RecordedLicensingEvents.LICENCE.keySet()).doesNotContain(LicenceEvent.LicenceIssued.class)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(LicenceEvent.class.getPermittedSubclasses())
                        .filter(type -> type != LicenceEvent.LicenceIssued.class).toList());
    }

    @Test
    void distinctDomainEventsArePublishedAsDistinctEventTypes() {
        assertThat(RecordedLicensingEvents.CASE.values().stream().map(f -> f.apply(null).getClass()))
                .doesNotHaveDuplicates().hasSize(RecordedLicensingEvents.CASE.size());
        assertThat(RecordedLicensingEvents.LICENCE.values().stream().map(f -> f.apply(null).getClass()))
                .doesNotHaveDuplicates().hasSize(RecordedLicensingEvents.LICENCE.size());
    }
}
