package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.policy.Fixtures.application;
import static org.pallas.policy.Fixtures.bank;
import static org.pallas.policy.Fixtures.endUser;
import static org.pallas.policy.Fixtures.intermediary;

import org.junit.jupiter.api.Test;

/** Embargoes, US country groups, country indicators, diversion and the end user's safeguards. */
class DestinationScenarioTests {

    private static Assessment interceptionFor(Party endUser) {
        return application()
                .product(Fixtures.interceptionPlatform())
                .endUse(EndUse.Category.LAW_ENFORCEMENT, "Lawful interception under judicial warrant")
                .party(endUser)
                .assess();
    }

    @Test
    void hardStopsForMyanmarUnderEuTelecommunicationsMonitoringBan() {
        Assessment a = interceptionFor(endUser("Myanmar Police Force", "MM", Party.EndUserType.POLICE, null));
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.findingsOf("HS-EMBARGO-SURVEILLANCE-ITEMS")
                        .findFirst()
                        .orElseThrow()
                        .explanation())
                .contains("Council Regulation (EU) No 401/2013");
    }

    @Test
    void hardStopListsNoAdviserTeamsToConsultEvenWhenReferralRulesFire() {
        Assessment a = interceptionFor(endUser("Myanmar Police Force", "MM", Party.EndUserType.POLICE, null));
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        // the referral rules still fire and stay in the findings; a refusal just has no one to consult
        assertThat(a.findings(Effect.REFER)).isNotEmpty();
        assertThat(a.consultations()).isEmpty();
    }

    @Test
    void hardStopsForRussiaUnderEuDualUseBanEvenForABank() {
        Assessment a = application().party(bank("Sberbank Security", "RU")).assess();
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.citedIds()).contains("UK-C1", "EU-ART15");
    }

    @Test
    void hardStopsForVenezuelaUnderInternalRepressionBan() {
        Assessment a = interceptionFor(endUser("SEBIN", "VE", Party.EndUserType.SECURITY_INTELLIGENCE, null));
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.firedRules()).contains("HS-EMBARGO-SURVEILLANCE-ITEMS");
    }

    @Test
    void hardStopsForCubaOnlyBecauseItIsInCountryGroupE2() {
        Assessment a = application().party(bank("Banco Metropolitano", "CU")).assess();
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.routeBasis()).containsExactly("HS-US-COUNTRY-GROUP-E (HARD_STOP)");
        assertThat(a.citedIds()).contains("US-ACE-1", "US-CG-E");
    }

    @Test
    void hardStopsForIranAsE1DestinationUnderEmbargo() {
        Assessment a = application().party(bank("Bank Melli", "IR")).assess();
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.routeBasis())
                .contains("HS-US-COUNTRY-GROUP-E (HARD_STOP)", "HS-EMBARGO-SURVEILLANCE-ITEMS (HARD_STOP)");
    }

    @Test
    void hardStopsForNorthKoreaAsE1Destination() {
        Assessment a = application()
                .party(endUser("Reconnaissance General Bureau", "KP", Party.EndUserType.SECURITY_INTELLIGENCE, null))
                .assess();
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.citedIds()).contains("US-CG-E");
    }

    @Test
    void chinesePoliceUnderEuArmsEmbargoAndD1D5IsPresumedDenied() {
        Assessment a = interceptionFor(endUser("Ministry of Public Security", "CN", Party.EndUserType.POLICE, null));
        assertThat(a.route()).isEqualTo(Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.firedRules()).contains("PD-ARMS-EMBARGO-SECURITY-END-USER", "RF-GOVERNMENT-END-USER-D1-D5");
        assertThat(a.citedIds()).contains("US-ACE-2", "US-CG-D1", "US-CG-D5", "UK-C1");
    }

    @Test
    void governmentEndUserInD1NeedsNationalSecurityAdvice() {
        Assessment a = interceptionFor(endUser("Ministry of Public Security", "VN", Party.EndUserType.POLICE, null));
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.consultations())
                .extracting(Assessment.Consultation::team)
                .contains(AdviserTeam.NATIONAL_SECURITY, AdviserTeam.HUMAN_RIGHTS);
        assertThat(a.findingsOf("REF-NATSEC-GOVERNMENT-END-USER-D1-D5")
                        .findFirst()
                        .orElseThrow()
                        .citedIds())
                .contains("US-ACE-2");
    }

    @Test
    void governmentEndUserInD5WithNonStateArmsEmbargoIsReferredToDefenceAndNationalSecurity() {
        Assessment a = interceptionFor(endUser("Internal Security Forces", "LB", Party.EndUserType.POLICE, null));
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.firedRules())
                .contains("RF-ARMS-EMBARGO", "RF-GOVERNMENT-END-USER-D1-D5")
                .doesNotContain("PD-ARMS-EMBARGO-SECURITY-END-USER");
        assertThat(a.consultations())
                .extracting(Assessment.Consultation::team)
                .contains(AdviserTeam.DEFENCE, AdviserTeam.NATIONAL_SECURITY);
        assertThat(a.citedIds()).contains("US-CG-D5");
    }

    @Test
    void diversionThroughIntermediaryInThirdCountryIsFlaggedWithPostShipmentVerification() {
        Assessment a = application()
                .product(Fixtures.exploitResearch())
                .endUse(EndUse.Category.SECURITY_RESEARCH, "Detection engineering")
                .party(endUser("Kenya Commercial Bank", "KE", Party.EndUserType.COMMERCIAL, null))
                .party(intermediary("Gulf Cyber Trading FZE", "AE"))
                .assess();
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.firedRules()).contains("RF-INTERMEDIARY-IN-THIRD-COUNTRY", "REF-NATSEC-DIVERSION-ROUTE");
        assertThat(a.citedIds()).contains("UK-C7");
        assertThat(a.conditions())
                .extracting(Assessment.ConditionRequirement::condition)
                .contains(LicenceCondition.POST_SHIPMENT_VERIFICATION, LicenceCondition.NO_ONWARD_TRANSFER);
    }

    @Test
    void intermediaryInD1CountryAddsRiskEvenForAnAlliedBank() {
        Assessment a = application()
                .party(bank("Deutsche Handelsbank", "DE"))
                .party(intermediary("Yerevan Secure Distribution", "AM"))
                .assess();
        assertThat(a.firedRules()).contains("RF-INTERMEDIARY-IN-HIGH-RISK-COUNTRY", "RF-INTERMEDIARY-IN-THIRD-COUNTRY");
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.citedIds()).contains("US-CG-D1", "UK-C7");
    }

    @Test
    void policeOfJointStatementSignatoryWithIndependentOversightGoStandardWithSafeguards() {
        Assessment a = interceptionFor(
                endUser("Direction générale de la sécurité intérieure", "FR", Party.EndUserType.POLICE, true));
        assertThat(a.route()).isEqualTo(Route.STANDARD);
        assertThat(a.consultations()).isEmpty();
        assertThat(a.firedRules()).contains("PASS-INDEPENDENT-OVERSIGHT", "PASS-SPYWARE-COMMITMENTS");
        assertThat(a.citedIds()).contains("PMP-OVS-1", "JS-SIGN");
        assertThat(a.conditions())
                .extracting(Assessment.ConditionRequirement::condition)
                .contains(
                        LicenceCondition.TAMPER_PROOF_AUDIT_LOGS,
                        LicenceCondition.TARGET_SCOPING,
                        LicenceCondition.QUARTERLY_USAGE_REPORTING);
    }

    @Test
    void samePoliceSaleToCountryInAutocratizationEpisodeNeedsEnhancedReviewEvenWithOversight() {
        Assessment a =
                interceptionFor(endUser("Georgian State Security Service", "GE", Party.EndUserType.POLICE, true));
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.firedRules()).contains("RF-AUTOCRATIZATION-EPISODE", "REF-HR-GOVERNMENT-END-USER");
        assertThat(a.citedIds()).contains("UK-C2-CLEARRISK");
        assertThat(a.score())
                .isGreaterThan(interceptionFor(endUser("DGSI", "FR", Party.EndUserType.POLICE, true))
                        .score());
    }

    @Test
    void militaryEndUserIsReferredToDefence() {
        Assessment a = application()
                .product(Fixtures.exploitResearch())
                .endUse(EndUse.Category.MILITARY_OPERATIONS, "Defensive cyber operations training")
                .party(endUser("Cyber Command", "NO", Party.EndUserType.MILITARY, true))
                .assess();
        assertThat(a.consultations()).extracting(Assessment.Consultation::team).contains(AdviserTeam.DEFENCE);
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.citedIds()).contains("UK-C4");
    }

    @Test
    void destinationWithoutIndicatorsIsFlagged() {
        Assessment a = application()
                .party(new Party(
                        Party.PartyRole.END_USER,
                        "Polar Research Station",
                        "AQ",
                        Party.EndUserType.RESEARCH,
                        null,
                        Party.Sector.OTHER,
                        null,
                        Fixtures.clear()))
                .assess();
        assertThat(a.firedRules()).contains("RF-NO-COUNTRY-INDICATORS");
        assertThat(a.route()).isEqualTo(Route.STANDARD);
    }
}
