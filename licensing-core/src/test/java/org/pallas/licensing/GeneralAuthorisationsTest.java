package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GeneralAuthorisationsTest {

    @Test
    void shippedTermsAreLoadedAndMarkedUnverified() {
        GeneralAuthorisationTerms terms =
                GeneralAuthorisations.shipped().find("PALLAS-GA-DEMO-001").orElseThrow();
        assertThat(terms.unverified()).isTrue();
        assertThat(terms.basis()).contains("EU-LIC-UGEA", "EU-LIC-UGEA-X");
        assertThat(terms.destinations()).contains("GB", "US").doesNotContain("AE");
        assertThat(terms.endUserTypes()).containsExactly(EndUserType.COMMERCIAL);
        assertThat(terms.requiredSafeguards()).contains(Safeguard.NO_ONWARD_TRANSFER);
    }

    @Test
    void namesTheEntryAndFieldOfAMissingValue() {
        String yaml = "- id: GA-1\n  title: t\n  basis: [X]\n  controlEntries: [4D004]\n  endUserTypes: [COMMERCIAL]\n"
                + "  requiredSafeguards: [LOGGING]\n";
        assertThatThrownBy(() -> GeneralAuthorisations.load(new StringReader(yaml), "ga.yaml"))
                .hasMessage("ga.yaml entry 1 (GA-1): field 'destinations' must be a non-empty list");
    }

    @Test
    void rejectsUnknownSafeguardsAndCountryCodes() {
        String base = "- id: GA-1\n  title: t\n  basis: [X]\n  controlEntries: [4D004]\n  endUserTypes: [COMMERCIAL]\n";
        assertThatThrownBy(() -> GeneralAuthorisations.load(
                        new StringReader(base + "  destinations: [GB]\n  requiredSafeguards: [TELEPATHY]\n"),
                        "ga.yaml"))
                .hasMessageContaining("'TELEPATHY' in 'requiredSafeguards' is not one of");
        assertThatThrownBy(() -> GeneralAuthorisations.load(
                        new StringReader(base + "  destinations: [GBR]\n  requiredSafeguards: [LOGGING]\n"), "ga.yaml"))
                .hasMessageContaining("'GBR' in 'destinations' is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void rejectsTheSameIdTwice() {
        String one = "- id: GA-1\n  title: t\n  basis: [X]\n  controlEntries: [4D004]\n  endUserTypes: [COMMERCIAL]\n"
                + "  destinations: [GB]\n  requiredSafeguards: [LOGGING]\n";
        assertThatThrownBy(() -> GeneralAuthorisations.load(new StringReader(one + one), "ga.yaml"))
                .hasMessage("general authorisation GA-1 is defined twice");
    }

    @Test
    void explainsAnUnquotedNorwayThatYamlReadAsFalse() {
        String yaml = "- id: GA-1\n  title: t\n  basis: [X]\n  controlEntries: [4D004]\n  endUserTypes: [COMMERCIAL]\n"
                + "  destinations: [GB, NO]\n  requiredSafeguards: [LOGGING]\n";
        assertThatThrownBy(() -> GeneralAuthorisations.load(new StringReader(yaml), "ga.yaml"))
                .hasMessageContaining("field 'destinations' holds a non-text value false (quote codes such as \"NO\"");
    }
}
