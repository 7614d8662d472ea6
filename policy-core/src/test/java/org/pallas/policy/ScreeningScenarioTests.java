package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.policy.Fixtures.application;
import static org.pallas.policy.Fixtures.bank;
import static org.pallas.policy.Fixtures.endUser;
import static org.pallas.policy.Fixtures.hit;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hard stops and referrals driven by the screening outcome the screening capability reports. */
class ScreeningScenarioTests {

    private static final LocalDate HAMOU_DELISTED = LocalDate.of(2025, 12, 30);

    private static Party consignee(String name, String country, ScreeningOutcome screening) {
        return new Party(
                Party.PartyRole.CONSIGNEE, name, country, null, null, Party.Sector.TECHNOLOGY, null, screening);
    }

    @Test
    void hardStopsWhenConsigneeMatchesOfacListingUnderCyrillicTransliteration() {
        Assessment a = application()
                .product(Fixtures.exploitResearch())
                .party(bank("Banca Nordica", "IT"))
                .party(consignee(
                        "Интеллекса С.А.",
                        "GR",
                        hit("OFAC-SDN", "OFAC-44591", "Intellexa S.A.", 0.91, true, true, null)))
                .assess();
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.routeBasis()).contains("HS-SANCTIONED-PARTY (HARD_STOP)", "HS-ENTITY-LIST-PARTY (HARD_STOP)");
        Finding stop = a.findingsOf("HS-SANCTIONED-PARTY").findFirst().orElseThrow();
        assertThat(stop.citedIds()).contains("US-OFAC-1", "UK-C1");
        assertThat(stop.explanation()).contains("Интеллекса", "Intellexa S.A.", "OFAC-SDN@2026-11-24", "score 0.91");
    }

    @Test
    void hardStopsWhenIntermediaryMatchesEntityListAliasOfCandiru() {
        Party intermediary = new Party(
                Party.PartyRole.INTERMEDIARY,
                "Saito Tech Ltd",
                "IL",
                null,
                null,
                Party.Sector.TECHNOLOGY,
                null,
                hit("US-CSL", "EL-86FR60760-2", "Saito Tech (alias of Candiru)", 0.97, false, true, null));
        Assessment a = application()
                .party(bank("Handelsbank", "DE"))
                .party(intermediary)
                .assess();
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.findingsOf("HS-ENTITY-LIST-PARTY"))
                .singleElement()
                .satisfies(f -> assertThat(f.citedIds()).contains("US-EL-RULE-1"))
                .satisfies(f -> assertThat(f.subject()).contains("Saito Tech Ltd", "INTERMEDIARY"));
    }

    @Test
    void delistedPartyAfterItsDelistingIsNotAHardStopButIsFlagged() {
        Assessment a = application()
                .party(consignee(
                        "Sara Hamou Consulting",
                        "CY",
                        hit(
                                "OFAC-SDN",
                                "OFAC-47077",
                                "Sara Aleksandra Fayssal Hamou",
                                0.93,
                                true,
                                false,
                                HAMOU_DELISTED)))
                .party(bank("Bank of Cyprus", "CY"))
                .assess();
        assertThat(a.route()).isNotEqualTo(Route.HARD_STOP);
        assertThat(a.firedRules()).contains("RF-DELISTED-PARTY").doesNotContain("HS-SANCTIONED-PARTY");
        assertThat(a.citedIds()).contains("US-OFAC-3");
    }

    @Test
    void samePartyBeforeItsDelistingIsAHardStop() {
        Assessment a = application()
                .asOf(HAMOU_DELISTED.minusDays(1))
                .party(consignee(
                        "Sara Hamou Consulting",
                        "CY",
                        hit(
                                "OFAC-SDN",
                                "OFAC-47077",
                                "Sara Aleksandra Fayssal Hamou",
                                0.93,
                                true,
                                false,
                                HAMOU_DELISTED)))
                .party(bank("Bank of Cyprus", "CY"))
                .assess();
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.asOf()).isEqualTo(HAMOU_DELISTED.minusDays(1));
    }

    @Test
    void possibleListMatchIsReferredToNationalSecurityNotStopped() {
        Assessment a = application()
                .party(new Party(
                        Party.PartyRole.END_USER,
                        "Cytrox Holdings Ltd",
                        "HU",
                        Party.EndUserType.COMMERCIAL,
                        null,
                        Party.Sector.TECHNOLOGY,
                        null,
                        hit("OFAC-SDN", "OFAC-44594", "Cytrox Holdings Zrt", 0.72, true, true, null)))
                .assess();
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.consultations()).singleElement().satisfies(c -> {
            assertThat(c.team()).isEqualTo(AdviserTeam.NATIONAL_SECURITY);
            assertThat(c.ruleIds()).contains("REF-NATSEC-POSSIBLE-LIST-MATCH");
        });
    }

    @Test
    void unscreenedPartyCannotFastTrack() {
        Party unscreened = new Party(
                Party.PartyRole.END_USER,
                "Nordbank",
                "NO",
                Party.EndUserType.COMMERCIAL,
                null,
                Party.Sector.FINANCIAL,
                null,
                null);
        Assessment a = application().party(unscreened).assess();
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.firedRules()).contains("RF-PARTY-NOT-SCREENED");
        assertThat(a.citedIds()).contains("EUREC-DD-2");
    }

    @Test
    void priorDenialNotifiedByPartnerStateIsReferredAndWeighed() {
        Assessment a = application()
                .product(Fixtures.interceptionPlatform())
                .endUse(EndUse.Category.LAW_ENFORCEMENT, "Lawful interception under warrant")
                .party(endUser("Federal Police", "BR", Party.EndUserType.POLICE, true))
                .denial(new PriorDenial(
                        "NL-2025-0142",
                        "NL",
                        "Federal Police",
                        LocalDate.of(2025, 3, 14),
                        "UK-C2 equivalent: clear risk"))
                .assess();
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.contributions())
                .extracting(Assessment.Contribution::ruleId)
                .contains("RF-PRIOR-DENIAL");
        assertThat(a.consultations()).extracting(Assessment.Consultation::team).contains(AdviserTeam.NATIONAL_SECURITY);
        assertThat(a.findingsOf("RF-PRIOR-DENIAL").findFirst().orElseThrow().explanation())
                .contains("NL-2025-0142");
    }

    @Test
    void applicationWithoutAnIdentifiedEndUserCannotFastTrack() {
        Assessment a = application()
                .party(consignee("Nordic Distribution AB", "SE", Fixtures.clear()))
                .assess();
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.firedRules()).contains("RF-NO-END-USER-IDENTIFIED");
        assertThat(a.citedIds()).contains("EUREC-DD-2");
    }
}
