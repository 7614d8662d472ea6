package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.policy.Fixtures.application;
import static org.pallas.policy.Fixtures.endUser;
import static org.pallas.policy.Fixtures.exploitChain;

import org.junit.jupiter.api.Test;

/**
 * Every documented misuse case (regulation.md section 6) as "a comparable new sale": a different vendor's tool to the
 * same kind of end user in the same country. None may fast-track; each must cite the case and EUREC-RF-HIST.
 */
class MisuseCaseScenarioTests {

    private static final Party.EndUserType INTEL = Party.EndUserType.SECURITY_INTELLIGENCE;
    private static final Party.EndUserType POLICE = Party.EndUserType.POLICE;

    private static Assessment exploitChainTo(String country, Party.EndUserType type, Boolean oversight) {
        return application()
                .product(exploitChain())
                .endUse(EndUse.Category.INTELLIGENCE, "Collection against serious-crime targets")
                .party(endUser("State Security Directorate", country, type, oversight))
                .assess();
    }

    private static void assertNotFastTracked(Assessment a, Route expected, String... cites) {
        assertThat(a.route()).as("route; basis %s", a.routeBasis()).isEqualTo(expected);
        assertThat(a.citedIds()).contains(cites);
    }

    @Test
    void exploitChainToUaeSecurityServiceIsPresumedDeniedLikeCase01() {
        Assessment a = exploitChainTo("AE", INTEL, null);
        assertNotFastTracked(a, Route.PRESUMPTION_OF_DENIAL, "CASE-01", "EUREC-RF-HIST", "UK-C2");
        assertThat(a.firedRules()).contains("PD-MISUSE-BY-SAME-END-USER-TYPE");
    }

    @Test
    void exploitChainToMexicanPoliceIsPresumedDeniedLikeCase02() {
        assertNotFastTracked(
                exploitChainTo("MX", POLICE, null), Route.PRESUMPTION_OF_DENIAL, "CASE-02", "EUREC-RF-HIST");
    }

    @Test
    void exploitChainToSaudiSecurityServiceIsPresumedDeniedLikeCase03() {
        assertNotFastTracked(exploitChainTo("SA", INTEL, null), Route.PRESUMPTION_OF_DENIAL, "CASE-03", "US-EO-IU-2");
    }

    @Test
    void pegasusFamilyToDemocraticPoliceWithOversightStillNeedsEnhancedReviewLikeCase04() {
        Product pegasus = new Product(
                "Pegasus",
                exploitChain().classifications(),
                4,
                "NSO Group",
                "Pegasus",
                exploitChain().capabilities());
        Assessment a = application()
                .product(pegasus)
                .endUse(EndUse.Category.LAW_ENFORCEMENT, "Serious crime")
                .party(endUser("Landeskriminalamt", "DE", POLICE, true))
                .assess();
        assertNotFastTracked(a, Route.ENHANCED_REVIEW, "CASE-04", "EUREC-RF-HIST", "JS-4");
        assertThat(a.firedRules()).contains("RF-PRODUCT-FAMILY-MISUSE", "REF-HR-PRODUCT-FAMILY-MISUSE");
    }

    @Test
    void exploitChainToRwandanServiceNamedOnlyInLeakedListIsNotFastTrackedLikeCase05() {
        Assessment a = exploitChainTo("RW", INTEL, null);
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.citedIds()).contains("CASE-05", "EUREC-RF-HIST");
        // CASE-05 is low confidence: it raises flags but does not by itself presume denial.
        assertThat(a.firedRules()).doesNotContain("PD-MISUSE-BY-SAME-END-USER-TYPE");
    }

    @Test
    void exploitChainToSpanishIntelligenceWithOversightGetsEnhancedReviewLikeCase06() {
        Assessment a = exploitChainTo("ES", INTEL, true);
        assertNotFastTracked(a, Route.ENHANCED_REVIEW, "CASE-06", "PMP-OVS-1", "EUREC-RF-HIST");
        assertThat(a.consultations()).extracting(Assessment.Consultation::team).contains(AdviserTeam.HUMAN_RIGHTS);
    }

    @Test
    void exploitChainToPolishPoliceWithUnknownOversightIsPresumedDeniedLikeCase07() {
        assertNotFastTracked(exploitChainTo("PL", POLICE, null), Route.PRESUMPTION_OF_DENIAL, "CASE-07", "UK-C2");
    }

    @Test
    void exploitChainToSalvadoranPoliceIsPresumedDeniedLikeCase08() {
        assertNotFastTracked(
                exploitChainTo("SV", POLICE, null), Route.PRESUMPTION_OF_DENIAL, "CASE-08", "EUREC-RF-HIST");
    }

    @Test
    void exploitChainToThaiSecurityServiceIsPresumedDeniedLikeCase09() {
        assertNotFastTracked(
                exploitChainTo("TH", INTEL, null), Route.PRESUMPTION_OF_DENIAL, "CASE-09", "EUREC-RF-HIST");
    }

    @Test
    void exploitChainToEgyptianSecurityServiceIsPresumedDeniedLikeCases10And11() {
        Assessment a = exploitChainTo("EG", INTEL, null);
        assertNotFastTracked(a, Route.PRESUMPTION_OF_DENIAL, "CASE-10", "CASE-11", "EUREC-RF-HIST");
    }

    @Test
    void networkInjectionPlatformToEgyptianStateOperatorNeedsHumanRightsAdviceLikeCase11() {
        Product injection = new Product(
                "Inline DPI and injection appliance",
                java.util.List.of(new Product.ControlEntry("EU", "5A001.j")),
                3,
                "PacketWorks",
                "PacketWorks",
                java.util.Set.of(Product.Capability.NETWORK_INJECTION, Product.Capability.MASS_INTERCEPTION));
        Assessment a = application()
                .product(injection)
                .endUse(EndUse.Category.OTHER, "Network quality management")
                .party(endUser("National Telecom Operator", "EG", Party.EndUserType.OTHER_GOVERNMENT, null))
                .assess();
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.citedIds()).contains("CASE-11", "WA-5A001J");
        assertThat(a.consultations()).extracting(Assessment.Consultation::team).contains(AdviserTeam.HUMAN_RIGHTS);
    }

    @Test
    void exploitChainToGreekIntelligenceInAutocratizationEpisodeIsPresumedDeniedDespiteOversightLikeCase12() {
        Assessment a = exploitChainTo("GR", INTEL, true);
        assertNotFastTracked(a, Route.PRESUMPTION_OF_DENIAL, "CASE-12", "UK-C2-CLEARRISK");
    }

    @Test
    void exploitChainToHungarianServiceNamedByInfrastructureMappingIsNotFastTrackedLikeCase13() {
        Assessment a = exploitChainTo("HU", INTEL, null);
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.citedIds()).contains("CASE-13", "CASE-14", "EUREC-RF-HIST", "UK-C2-CLEARRISK");
    }

    @Test
    void exploitChainToGhanaianServiceSuspectedInQuadreamCaseGetsEnhancedReviewLikeCase14() {
        Assessment a = exploitChainTo("GH", INTEL, null);
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.citedIds()).contains("CASE-14", "EUREC-RF-HIST");
    }

    @Test
    void exploitChainToItalianIntelligenceWithOversightGetsEnhancedReviewNotDenialLikeCase15() {
        Assessment a = exploitChainTo("IT", INTEL, true);
        assertNotFastTracked(a, Route.ENHANCED_REVIEW, "CASE-15", "PMP-OVS-1", "EUREC-RF-HIST");
        assertThat(a.conditions())
                .extracting(Assessment.ConditionRequirement::condition)
                .contains(LicenceCondition.TAMPER_PROOF_AUDIT_LOGS, LicenceCondition.TARGET_SCOPING);
    }

    @Test
    void exploitChainToItalianIntelligenceWithoutOversightIsPresumedDeniedLikeCase15() {
        Assessment a = exploitChainTo("IT", INTEL, false);
        assertNotFastTracked(a, Route.PRESUMPTION_OF_DENIAL, "CASE-15", "FOC-P-OVERSIGHT");
    }

    @Test
    void forensicExtractionToolForSerbianPoliceNeedsEnhancedReviewLikeCase16() {
        Product forensic = new Product(
                "Mobile forensic extraction kit",
                java.util.List.of(),
                2,
                "Forensix",
                "Forensix",
                java.util.Set.of(Product.Capability.FORENSIC_EXTRACTION));
        Assessment a = application()
                .product(forensic)
                .endUse(EndUse.Category.LAW_ENFORCEMENT, "Seized-device analysis")
                .party(endUser("Ministry of Interior Police", "RS", POLICE, null))
                .assess();
        assertNotFastTracked(a, Route.ENHANCED_REVIEW, "CASE-16", "EUREC-SCOPE-2");
        assertThat(a.firedRules()).contains("RF-FORENSIC-TOOL-TO-SECURITY-FORCES");
    }

    @Test
    void exploitChainToKazakhServiceWantingVendorOperationIsNotFastTrackedLikeCase17() {
        Assessment a = application()
                .product(exploitChain())
                .endUse(EndUse.Category.INTELLIGENCE, "Collection")
                .party(endUser("National Security Committee", "KZ", INTEL, null))
                .answer(DueDiligenceQuestion.VENDOR_OPERATION_REQUESTED, Application.Answer.YES)
                .assess();
        assertThat(a.route()).isIn(Route.ENHANCED_REVIEW, Route.PRESUMPTION_OF_DENIAL);
        assertThat(a.citedIds()).contains("CASE-17", "US-EO-CI-2", "US-CG-D1");
        assertThat(a.conditions())
                .extracting(Assessment.ConditionRequirement::condition)
                .contains(LicenceCondition.NO_VENDOR_OPERATION);
    }

    @Test
    void spywareToTurkishSecurityServiceIsPresumedDeniedLikeCase18() {
        assertNotFastTracked(
                exploitChainTo("TR", INTEL, null), Route.PRESUMPTION_OF_DENIAL, "CASE-18", "EUREC-RF-HIST");
    }
}
