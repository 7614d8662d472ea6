package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountryDataDerivationTest {

    /** The source files, trimmed to the latest year of each (all the derivation reads); see SOURCES.md there. */
    private static final Path SOURCE = RuleCatalogueTest.checkout().resolve("policy-core/src/test/data/countries");

    @Test
    void shippedCountriesFileMatchesAFreshDerivationFromTheSourceData() throws IOException {
        String shipped;
        try (InputStream in = CountryData.class.getResourceAsStream("countries.csv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped)
                .as("countries.csv is stale; rerun CountryDataDerivation (see its Javadoc)")
                .isEqualTo(CountryDataDerivation.derive(SOURCE));
    }

    @Test
    void mapsLegacyWorldBankAndVdemCodesThroughTheAliasTable() {
        CountryData data = CountryData.shipped();
        // Romania is ROM in WGI; Kosovo is KSV in WGI, XKX in V-Dem and absent from the ISO file.
        assertThat(data.get("RO").ruleOfLawPercentile()).isNotNull();
        assertThat(data.get("XK")).satisfies(k -> {
            assertThat(k.ruleOfLawPercentile()).isNotNull();
            assertThat(k.regime()).isNotNull();
        });
        assertThat(data.get("CD").ruleOfLawPercentile()).isNotNull();
    }

    @Test
    void carriesLatestYearIndicatorsAsPublished() {
        CountryIndicators uae = CountryData.shipped().get("AE");
        assertThat(uae.wgiYear()).isEqualTo(2023);
        assertThat(uae.vdemYear()).isEqualTo(2024);
        assertThat(uae.regime()).isZero();
        assertThat(uae.voiceAccountabilityPercentile()).isEqualTo(18.6);
        assertThat(CountryData.shipped().get("HU").autocratizing()).isTrue();
    }

    @Test
    void rejectsASourceCodeThatIsNeitherIsoNorAliased(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"country-codes.csv", "ert.csv"}) {
            Files.copy(SOURCE.resolve(f), dir.resolve(f));
        }
        Files.writeString(
                dir.resolve("wgidataset.csv"),
                "codeindyr,code,countryname,year,indicator,estimate,stddev,"
                        + "nsource,pctrank,pctranklower,pctrankupper\nQQQrl2023,QQQ,Nowhere,2023,rl,0.1,0.2,3,50.0,40.0,60.0\n");
        assertThatThrownBy(() -> CountryDataDerivation.derive(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "wgidataset.csv:2: code QQQ is neither ISO 3166-1 alpha-3 nor in code-aliases.csv");
    }
}
