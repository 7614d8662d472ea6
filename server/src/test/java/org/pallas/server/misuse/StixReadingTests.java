package org.pallas.server.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The STIX 2.1 reader on its own: patterns, indicator normalisation, and the shipped files as real-world input. */
class StixReadingTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void patternsOfTheSpecificationParseAndYieldTheirComparisons() throws Exception {
        assertThat(StixPatterns.parse("[domain-name:value='weather4free.com']"))
                .containsExactly(new StixPatterns.Comparison("domain-name", "value", "=", false, "weather4free.com"));
        assertThat(StixPatterns.parse("[file:hashes.'SHA-256' = 'AB12' AND file:name NOT LIKE 'x\\'s%']"))
                .extracting(StixPatterns.Comparison::property)
                .containsExactly("hashes.'SHA-256'", "name");
        assertThat(StixPatterns.parse("([ipv4-addr:value IN ('198.51.100.1', '198.51.100.2')] OR"
                        + " [network-traffic:dst_ref.value = '203.0.113.5']) FOLLOWEDBY [process:name = 'bh']"
                        + " WITHIN 300 SECONDS START t'2021-01-01T00:00:00Z' STOP t'2021-02-01T00:00:00Z'"))
                .hasSize(3);
        assertThat(StixPatterns.parse("[x-mvt-app:id = 'com.example' AND EXISTS process:extensions[*].pid]"))
                .hasSize(2);
    }

    @Test
    void malformedPatternsAreRefusedWithThePositionOfTheFault() {
        assertThatThrownBy(() -> StixPatterns.parse("[domain-name:value = 'x'")).hasMessageContaining("expected ']'");
        assertThatThrownBy(() -> StixPatterns.parse("domain-name:value = 'x'"))
                .hasMessageContaining("'[' opening an observation expression");
        assertThatThrownBy(() -> StixPatterns.parse("[domain-name:value ~ 'x']"))
                .hasMessageContaining("unexpected character '~'");
        assertThatThrownBy(() -> StixPatterns.parse("[domain-name:value = 'x] "))
                .hasMessageContaining("unclosed string");
        assertThatThrownBy(() -> StixPatterns.parse("[Domain:value = 'x']")).hasMessageContaining("no object type");
        assertThatThrownBy(() -> StixPatterns.parse("[domain-name:value = 'x'] WITHIN SECONDS"))
                .hasMessageContaining("a number of seconds");
    }

    @Test
    void indicatorsAreNormalisedSoTheSameInfrastructureComparesEqual() {
        assertThat(Indicator.of("domain-name", "value", "WEATHER4free.COM."))
                .contains(new Indicator(Indicator.Kind.DOMAIN, "weather4free.com"));
        assertThat(Indicator.of("domain-name", "value", "bücher.example"))
                .contains(new Indicator(Indicator.Kind.DOMAIN, "xn--bcher-kva.example"));
        // Some published files put addresses in domain-name:value.
        assertThat(Indicator.of("domain-name", "value", "198.51.100.7"))
                .contains(new Indicator(Indicator.Kind.IP, "198.51.100.7"));
        assertThat(Indicator.of("ipv6-addr", "value", "2001:DB8:0:0:0:0:0:1"))
                .contains(new Indicator(Indicator.Kind.IP, "2001:db8:0:0:0:0:0:1"));
        assertThat(Indicator.of("ipv4-addr", "value", "300.1.1.1")).isEmpty();
        assertThat(Indicator.of("ipv4-addr", "value", "not.an.address.example")).isEmpty();
        assertThat(Indicator.of(
                        "file", "hashes.'SHA-256'", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"))
                .contains(new Indicator(
                        Indicator.Kind.SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(Indicator.of("file", "hashes.md5", "tooshort")).isEmpty();
        assertThat(Indicator.of("process", "name", " bh ")).contains(new Indicator(Indicator.Kind.PROCESS, "bh"));
        assertThat(Indicator.of("email-addr", "value", "Lure@Example.ORG"))
                .contains(new Indicator(Indicator.Kind.EMAIL, "lure@example.org"));
        assertThat(Indicator.of("configuration-profile", "id", "ABC"))
                .contains(new Indicator(Indicator.Kind.OTHER, "configuration-profile:id=ABC"));
    }

    @Test
    void theShippedAmnestyAndMvtFilesAreValidBundlesWithTheirPublishedIndicatorCounts() throws Exception {
        StixBundles.Bundle pegasus = read("pegasus.stix2");
        assertThat(pegasus.malware()).containsExactly("Pegasus");
        // 1,438 domains, 81 process names, 29 e-mail addresses, 1 file name (catalogue/SOURCES.md), less repeats.
        assertThat(pegasus.indicators()).hasSizeBetween(1500, 1549);
        assertThat(pegasus.indicators()).contains(new Indicator(Indicator.Kind.DOMAIN, "weather4free.com"));
        assertThat(pegasus.indicators().stream().map(Indicator::kind).distinct())
                .contains(Indicator.Kind.DOMAIN, Indicator.Kind.PROCESS, Indicator.Kind.EMAIL);
        StixBundles.Bundle predator = read("predator.stix2");
        assertThat(predator.malware()).containsExactly("Predator");
        assertThat(predator.indicators()).hasSizeGreaterThan(550);
    }

    private StixBundles.Bundle read(String file) throws Exception {
        try (var in = MisuseReports.class.getResourceAsStream("catalogue/" + file)) {
            StixBundles.Reading reading = StixBundles.read(json.readTree(in), "evidence[0]");
            assertThat(reading.problems()).isEqualTo(List.of());
            return reading.bundle();
        }
    }
}
