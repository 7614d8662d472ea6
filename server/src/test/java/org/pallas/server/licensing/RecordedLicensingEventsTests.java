package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.LicenceEvent;

/** Every domain event of a case or licence is published as its own typed event. */
class RecordedLicensingEventsTests {

    @Test
    void everyCaseEventTypeHasItsPublishedEvent() {
        assertThat(List.<Class<?>>copyOf(RecordedLicensingEvents.CASE.keySet()))
                .containsExactlyInAnyOrder(CaseEvent.class.getPermittedSubclasses());
    }

    @Test
    void everyLicenceEventTypeButIssuingHasItsPublishedEvent() {
        assertThat(List.<Class<?>>copyOf(RecordedLicensingEvents.LICENCE.keySet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(LicenceEvent.class.getPermittedSubclasses())
                        .filter(type -> type != LicenceEvent.LicenceIssued.class)
                        .toList());
    }

    @Test
    void distinctDomainEventsArePublishedAsDistinctEventTypes() {
        assertThat(RecordedLicensingEvents.CASE.values().stream()
                        .map(f -> f.apply(null).getClass()))
                .doesNotHaveDuplicates()
                .hasSize(RecordedLicensingEvents.CASE.size());
        assertThat(RecordedLicensingEvents.LICENCE.values().stream()
                        .map(f -> f.apply(null).getClass()))
                .doesNotHaveDuplicates()
                .hasSize(RecordedLicensingEvents.LICENCE.size());
    }
}
