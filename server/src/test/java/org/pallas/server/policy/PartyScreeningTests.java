package org.pallas.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.policy.Application;
import org.pallas.policy.EndUse;
import org.pallas.policy.Party;
import org.pallas.policy.Product;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.PallasTest;
import org.pallas.server.screening.RestrictedLists;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Screening of assessment parties through the screening module's entry point, against the lists it has in use (the
 * demo's bundled lists, among them the project's spyware-sector list).
 */
@PallasTest
class PartyScreeningTests {

    @Autowired
    PartyScreening screening;

    @Autowired
    RestrictedLists lists;

    @BeforeEach
    void listsLoaded() throws InterruptedException {
        assertThat(lists.awaitLoaded(Duration.ofMinutes(3)))
                .as("the bundled lists load at start")
                .isTrue();
    }

    private ScreeningOutcome screen(String name, String country) {
        return screening.screen(new Party(
                Party.PartyRole.END_USER, name, country, Party.EndUserType.COMMERCIAL, null, null, null, null));
    }

    @Test
    void findsEntityListedVendorUnderOneOfItsAliases() {
        ScreeningOutcome outcome = screen("Grindavik Solutions", "IL");
        assertThat(outcome.screened()).isTrue();
        assertThat(outcome.hits()).anySatisfy(hit -> {
            assertThat(hit.entryId()).isEqualTo("EL-CANDIRU");
            assertThat(hit.matchedName()).isEqualTo("Grindavik Solutions");
            assertThat(hit.entityList()).isTrue();
            assertThat(hit.sanctioned()).isFalse();
            assertThat(hit.score()).isGreaterThanOrEqualTo(0.85);
        });
    }

    @Test
    void marksOfacDesignationsAsSanctionsAndNamesTheListVersion() {
        ScreeningOutcome outcome = screen("Tal Jonathan Dilian", "CY");
        assertThat(outcome.hits())
                .filteredOn(hit -> hit.entryId().equals("OFAC-CYBER2-DILIAN"))
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.sanctioned()).isTrue();
                    assertThat(hit.entityList()).isFalse();
                    assertThat(hit.listVersion()).startsWith("2025-12-30#");
                });
        assertThat(outcome.listVersions()).containsKey("PALLAS-SPYWARE");
    }

    @Test
    void keepsDelistedEntriesWithTheirDelistingDateSoTheRulebookCanJudgeTheDate() {
        ScreeningOutcome outcome = screen("Sandvine", "CA");
        assertThat(outcome.hits())
                .filteredOn(hit -> hit.entryId().equals("EL-SANDVINE"))
                .singleElement()
                .satisfies(hit -> assertThat(hit.delistedOn()).isEqualTo(LocalDate.of(2024, 10, 21)));
    }

    @Test
    void clearsAnUnrelatedBankButStillRecordsWhatItScreenedAgainst() {
        ScreeningOutcome outcome = screen("Rhein Handelsbank AG", "DE");
        assertThat(outcome.screened()).isTrue();
        assertThat(outcome.hits()).isEmpty();
        assertThat(outcome.listVersions()).isNotEmpty();
    }

    @Test
    void screensOnlyThePartiesThatCameWithoutAnOutcome() {
        ScreeningOutcome supplied = ScreeningOutcome.clear(Map.of("UK-OFSI", "2026-11-26"));
        Party alreadyScreened = new Party(Party.PartyRole.EXPORTER, "Candiru", "IL", null, null, null, null, supplied);
        Party unscreened = new Party(
                Party.PartyRole.END_USER, "Candiru", "IL", Party.EndUserType.COMMERCIAL, null, null, null, null);
        Application application = new Application(
                "r",
                null,
                new Product("p", List.of(), 1, null, null, null),
                List.of(alreadyScreened, unscreened),
                List.of(),
                new EndUse(EndUse.Category.OTHER, "x", false),
                null,
                null,
                null,
                null);
        List<Party> screened = screening.screenUnscreened(application).parties();
        assertThat(screened.get(0).screening()).isEqualTo(supplied);
        assertThat(screened.get(1).screening().hits())
                .extracting(ScreeningOutcome.Hit::entryId)
                .contains("EL-CANDIRU");
    }
}
