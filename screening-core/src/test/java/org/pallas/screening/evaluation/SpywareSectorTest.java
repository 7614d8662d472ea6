package org.pallas.screening.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.screening.SharedData;

class SpywareSectorTest {

    @Test
    void findsEverySpywareSectorDesignationUnderRealisticVariants() throws Exception {
        ScreeningIndex index = SharedData.bundledIndex();
        List<String> wrong = Screenings.SPYWARE_VARIANTS.stream()
                .filter(v ->
                        index.search(ScreeningQuery.of(v.query(), v.kind())).alerted() != v.mustAlert())
                .map(Screenings.Variant::query)
                .toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void findsCandiruUnderItsFormerNamesAndIntellexaInBothLists() throws Exception {
        ScreeningIndex index = SharedData.bundledIndex();
        for (String former :
                List.of("Saito Tech", "Taveta", "Grindavik Solutions", "DF Associates", "Greenwick Solutions")) {
            ScreeningMatch top = index.search(ScreeningQuery.of(former, EntryKind.ORGANISATION))
                    .matches()
                    .get(0);
            assertThat(top.entryId()).as(former).isEqualTo("EL-CANDIRU");
            assertThat(top.listedName()).isEqualTo("Candiru");
        }
        ScreeningResult intellexa = index.search(ScreeningQuery.of("Intellexa S.A.", EntryKind.ORGANISATION));
        assertThat(intellexa.matches())
                .filteredOn(ScreeningMatch::alert)
                .extracting(ScreeningMatch::source)
                .contains("US-EL", "US-OFAC-SDN");
    }

    @Test
    void doesNotAlertOnSpywareEntriesDelistedBeforeTheFixtureVersion() throws Exception {
        ScreeningIndex index = SharedData.bundledIndex();
        for (String delisted : List.of("Sandvine", "Merom Harpaz", "Andrea Nicola Costantino Hermes Gambazzi")) {
            assertThat(index.search(ScreeningQuery.of(delisted, EntryKind.ANY)).matches())
                    .as(delisted)
                    .noneMatch(
                            m -> m.source().startsWith("US-EL") || m.entryId().startsWith("OFAC-CYBER2"));
        }
    }
}
