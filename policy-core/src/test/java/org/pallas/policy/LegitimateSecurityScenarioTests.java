package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.policy.Fixtures.application;
import static org.pallas.policy.Fixtures.bank;
import static org.pallas.policy.Fixtures.endUser;

import org.junit.jupiter.api.Test;

/** Legitimate security work must not be hindered (PMP-COP-LEGITSEC, WA-4E001-N1). */
class LegitimateSecurityScenarioTests {

    @Test
    void penetrationTestingToolForBankInAlliedCountryFastTracksWithStandardConditions() {
        Assessment a = application().party(bank("Commerzbank Red Team", "DE")).assess();
        assertThat(a.route()).isEqualTo(Route.FAST_TRACK);
        assertThat(a.score()).isLessThan(10);
        assertThat(a.consultations()).isEmpty();
        assertThat(a.firedRules()).contains("PASS-LEGITIMATE-SECURITY-TESTING", "PASS-FAVOURABLE-TREATMENT-END-USER");
        assertThat(a.citedIds()).contains("PMP-COP-LEGITSEC", "US-ACE-DEF-FTCEU");
        assertThat(a.conditions())
                .extracting(Assessment.ConditionRequirement::condition)
                .containsExactly(LicenceCondition.NO_ONWARD_TRANSFER, LicenceCondition.END_USER_UNDERTAKING);
    }

    @Test
    void penetrationTestingToolForInsurerInJapanFastTracks() {
        Party insurer = new Party(
                Party.PartyRole.END_USER,
                "Tokio Assurance CSIRT",
                "JP",
                Party.EndUserType.COMMERCIAL,
                null,
                Party.Sector.INSURANCE,
                null,
                Fixtures.clear());
        Assessment a = application().party(insurer).assess();
        assertThat(a.route()).isEqualTo(Route.FAST_TRACK);
        assertThat(a.redFlags()).extracting(Finding::ruleId).containsExactly("RF-RISK-TIER-2");
    }

    @Test
    void vulnerabilityDisclosureOfExploitToTheAffectedVendorFastTracks() {
        Assessment a = application()
                .product(Fixtures.exploitResearch())
                .endUse(
                        EndUse.Category.VULNERABILITY_DISCLOSURE,
                        "Report of a kernel vulnerability with proof of concept")
                .party(endUser("Apple Product Security", "US", Party.EndUserType.COMMERCIAL, null))
                .assess();
        assertThat(a.route()).isEqualTo(Route.FAST_TRACK);
        assertThat(a.score()).isZero();
        assertThat(a.conditions()).isEmpty();
        assertThat(a.citedIds()).contains("WA-4E001-N1", "US-ACE-6");
    }

    @Test
    void incidentResponseWithCertInD1CountryInAutocratizationEpisodeFastTracks() {
        Assessment a = application()
                .product(Fixtures.exploitResearch())
                .endUse(EndUse.Category.INCIDENT_RESPONSE, "Indicators and samples from an intrusion at a ministry")
                .party(endUser("CERT-GE", "GE", Party.EndUserType.CERT, null))
                .assess();
        assertThat(a.route()).isEqualTo(Route.FAST_TRACK);
        assertThat(a.firedRules())
                .contains("PASS-VULNERABILITY-DISCLOSURE-OR-INCIDENT-RESPONSE")
                .doesNotContain("RF-AUTOCRATIZATION-EPISODE", "RF-NON-GOVERNMENT-END-USER-D1-D5");
    }

    @Test
    void claimedDisclosureToAnIntelligenceServiceIsCheckedNotWaved() {
        Assessment a = application()
                .product(Fixtures.exploitResearch())
                .endUse(EndUse.Category.VULNERABILITY_DISCLOSURE, "Disclosure")
                .party(endUser(
                        "Government Communications Security Bureau",
                        "NZ",
                        Party.EndUserType.SECURITY_INTELLIGENCE,
                        true))
                .assess();
        assertThat(a.route()).isEqualTo(Route.ENHANCED_REVIEW);
        assertThat(a.firedRules()).contains("RF-DISCLOSURE-TO-SECURITY-FORCES");
        assertThat(a.citedIds()).contains("WA-4E001-N2");
    }

    @Test
    void penetrationTestingToolForBankInD1CountryIsStandardNotBlocked() {
        Assessment a = application().party(bank("TBC Bank Security", "GE")).assess();
        assertThat(a.route()).isEqualTo(Route.STANDARD);
        assertThat(a.consultations()).isEmpty();
        assertThat(a.firedRules()).doesNotContain("RF-NON-GOVERNMENT-END-USER-D1-D5");
    }

    @Test
    void penetrationTestingToolForTechFirmInD1CountryIsFlaggedUnderAceRestriction() {
        Assessment a = application()
                .party(endUser("Saigon Software JSC", "VN", Party.EndUserType.COMMERCIAL, null))
                .assess();
        assertThat(a.firedRules()).contains("RF-NON-GOVERNMENT-END-USER-D1-D5");
        assertThat(a.citedIds()).contains("US-ACE-3");
        assertThat(a.route()).isIn(Route.STANDARD, Route.ENHANCED_REVIEW);
    }

    @Test
    void lowTierScannerForUniversityFastTracksWithoutConditions() {
        Assessment a = application()
                .product(Fixtures.scanner())
                .endUse(EndUse.Category.SECURITY_RESEARCH, "Teaching lab")
                .party(endUser("University of Tartu", "EE", Party.EndUserType.RESEARCH, null))
                .assess();
        assertThat(a.route()).isEqualTo(Route.FAST_TRACK);
        assertThat(a.conditions()).isEmpty();
        assertThat(a.redFlags()).isEmpty();
    }
}
