package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.policy.Fixtures.application;
import static org.pallas.policy.Fixtures.endUser;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PolicyEngineTests {

    private static Application spywareSaleToEgypt() {
        return application()
                .product(Fixtures.exploitChain())
                .endUse(EndUse.Category.INTELLIGENCE, "Counter-terrorism")
                .party(endUser("General Intelligence Service", "EG", Party.EndUserType.SECURITY_INTELLIGENCE, null))
                .party(Fixtures.intermediary("Nile Distribution", "CY"))
                .build();
    }

    @Test
    void sameFactsAndRulebookGiveEqualAssessments() {
        PolicyEngine other =
                new PolicyEngine(Rulebook.shipped(), CountryData.shipped(), MisuseEvidence.shipped(), Fixtures.CLOCK);
        Assessment first = Fixtures.ENGINE.assess(spywareSaleToEgypt());
        assertThat(Fixtures.ENGINE.assess(spywareSaleToEgypt())).isEqualTo(first);
        assertThat(other.assess(spywareSaleToEgypt())).isEqualTo(first);
    }

    @Test
    void recordsRulebookVersionAndContentHash() {
        Assessment a = Fixtures.ENGINE.assess(spywareSaleToEgypt());
        assertThat(a.rulebookVersion()).isEqualTo(Fixtures.ENGINE.rulebook().version());
        assertThat(a.rulebookHash())
                .isEqualTo(Fixtures.ENGINE.rulebook().contentHash())
                .hasSize(64);
        assertThat(a.reference()).isEqualTo("APP-TEST");
    }

    @Test
    void scoreIsTheSumOfContributionsAndEachRedFlagRuleCountsOnce() {
        Application twoUnscreened = application()
                .party(new Party(
                        Party.PartyRole.END_USER, "A", "DE", Party.EndUserType.COMMERCIAL, null, null, null, null))
                .party(new Party(Party.PartyRole.CONSIGNEE, "B", "DE", null, null, null, null, null))
                .build();
        Assessment a = Fixtures.ENGINE.assess(twoUnscreened);
        assertThat(a.score())
                .isEqualTo(a.contributions().stream()
                        .mapToInt(Assessment.Contribution::weight)
                        .sum());
        assertThat(a.contributions())
                .filteredOn(c -> c.ruleId().equals("RF-PARTY-NOT-SCREENED"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.weight()).isEqualTo(40);
                    assertThat(c.subjects()).hasSize(2);
                });
        assertThat(a.redFlags())
                .filteredOn(f -> f.ruleId().equals("RF-PARTY-NOT-SCREENED"))
                .hasSize(2);
    }

    @Test
    void routeIsTheMostSevereEffectAndNamesItsBasis() {
        Application sanctionedToEgypt = application()
                .product(Fixtures.exploitChain())
                .endUse(EndUse.Category.INTELLIGENCE, "x")
                .party(new Party(
                        Party.PartyRole.END_USER,
                        "GIS",
                        "EG",
                        Party.EndUserType.SECURITY_INTELLIGENCE,
                        null,
                        null,
                        null,
                        Fixtures.hit("UN-SC", "QDe.999", "GIS", 0.99, true, false, null)))
                .build();
        Assessment a = Fixtures.ENGINE.assess(sanctionedToEgypt);
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
        assertThat(a.findings(Effect.PRESUMPTION_OF_DENIAL)).isNotEmpty();
        assertThat(a.routeBasis()).containsExactly("HS-SANCTIONED-PARTY (HARD_STOP)");
    }

    @Test
    void everyFindingCitesRuleIdsAndRecordsTheFactsItRead() {
        Assessment a = Fixtures.ENGINE.assess(spywareSaleToEgypt());
        assertThat(a.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.cites()).isNotEmpty();
            Rule rule = Fixtures.ENGINE.rulebook().rules().stream()
                    .filter(r -> r.id().equals(f.ruleId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(f.evidence().keySet()).containsExactlyElementsOf(rule.reads());
            assertThat(f.explanation()).doesNotContain("{");
        });
        assertThat(a.consultations()).allSatisfy(c -> assertThat(c.cites()).isNotEmpty());
        assertThat(a.conditions()).allSatisfy(c -> assertThat(c.ruleIds()).isNotEmpty());
    }

    @Test
    void marksRecollectionTaggedCitationsUnverified() {
        Assessment a = Fixtures.ENGINE.assess(spywareSaleToEgypt());
        assertThat(a.unverifiedCitations())
                .contains("EUREC-RF-EU", "EU-CP2008-C2")
                .doesNotContain("UK-C2", "CASE-11");
        Finding weakRights = a.findingsOf("RF-SECURITY-END-USER-IN-AT-RISK-COUNTRY")
                .findFirst()
                .orElseThrow();
        assertThat(weakRights.unverified()).isTrue();
        assertThat(a.findingsOf("RF-RISK-TIER-4").findFirst().orElseThrow().unverified())
                .isFalse();
    }

    @Test
    void citesMisuseCasesNamedInTheEvidence() {
        Assessment a = Fixtures.ENGINE.assess(spywareSaleToEgypt());
        assertThat(a.findingsOf("PD-MISUSE-BY-SAME-END-USER-TYPE")
                        .findFirst()
                        .orElseThrow()
                        .citedIds())
                .contains("CASE-10", "CASE-11", "UK-C2");
    }

    @Test
    void usesTheInjectedClockWhenTheApplicationGivesNoDate() {
        Clock later = Clock.fixed(Instant.parse("2030-01-02T00:00:00Z"), ZoneOffset.UTC);
        PolicyEngine engine =
                new PolicyEngine(Fixtures.ENGINE.rulebook(), CountryData.shipped(), MisuseEvidence.shipped(), later);
        Application undated =
                application().asOf(null).party(Fixtures.bank("Bank", "DE")).build();
        assertThat(engine.assess(undated).asOf()).isEqualTo(LocalDate.of(2030, 1, 2));
    }

    @Test
    void destinationsIncludeDeclaredCountriesAndEndUserCountries() {
        Assessment a = application()
                .destination("MM")
                .party(Fixtures.bank("Bank", "DE"))
                .assess();
        assertThat(a.findings()).extracting(Finding::subject).anyMatch(s -> s.startsWith("destination MM"));
        assertThat(a.route()).isEqualTo(Route.HARD_STOP);
    }
}
