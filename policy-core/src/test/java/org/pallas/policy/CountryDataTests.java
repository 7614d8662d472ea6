package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountryDataTests {

    private final CountryData data = CountryData.shipped();

    @Test
    void carriesUsCountryGroupsFromSupplementNo1ToPart740() {
        assertThat(data.get("CN").usCountryGroups()).containsExactlyInAnyOrder("D:1", "D:5");
        assertThat(data.get("IR").usCountryGroups()).contains("E:1", "D:5");
        assertThat(data.get("CU").usCountryGroups()).contains("E:2");
        assertThat(data.get("MO").usCountryGroups()).containsExactly("D:1");
        assertThat(data.get("DE").usCountryGroups()).isEmpty();
    }

    @Test
    void everyEmbargoRowCitesItsLegalActAndSource() {
        for (String iso2 : new String[] {"BY", "IR", "MM", "RU", "SY", "VE", "KP", "LY", "CN"}) {
            assertThat(data.get(iso2).embargoes()).as(iso2).isNotEmpty().allSatisfy(e -> {
                assertThat(e.legalAct()).isNotBlank();
                assertThat(e.sourceUrl()).startsWith("https://");
                assertThat(e.imposer()).isIn("EU", "UN", "OSCE");
            });
        }
        assertThat(data.get("IR").embargoes())
                .extracting(Embargo::scope)
                .contains(Embargo.Scope.TELECOM_MONITORING, Embargo.Scope.INTERNAL_REPRESSION);
    }

    @Test
    void unknownCountryHasNoIndicatorsRatherThanFailing() {
        CountryIndicators unknown = data.get("ZZ");
        assertThat(data.contains("ZZ")).isFalse();
        assertThat(unknown.ruleOfLawPercentile()).isNull();
        assertThat(unknown.regime()).isNull();
    }

    @Test
    void recordsSpywareCommitments() {
        assertThat(data.get("FR").commitments()).containsExactlyInAnyOrder("JS-SIGN", "ECHRI-SIGN");
        assertThat(data.get("XK").commitments()).containsExactly("ECHRI-SIGN");
    }
}
