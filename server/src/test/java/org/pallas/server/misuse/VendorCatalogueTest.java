package org.pallas.server.misuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VendorCatalogueTest {

    private final VendorCatalogue catalogue =
            new VendorCatalogue(JsonMapper.builder().build());

    @Test
    void aVendorIsFoundByItsNameASynonymOrAProductHoweverItIsWritten() {
        assertThat(catalogue.size()).isEqualTo(615);
        assertThat(catalogue.matching("nso group"))
                .extracting(VendorCatalogue.Vendor::name)
                .containsExactly("NSO group");
        assertThat(catalogue.matching("Q-Cyber"))
                .extracting(VendorCatalogue.Vendor::name)
                .containsExactly("NSO group");
        assertThat(catalogue.matching("  PEGASUS "))
                .extracting(VendorCatalogue.Vendor::name)
                .contains("NSO group");
    }

    @Test
    void anUnknownOrTooShortNameMatchesNoVendor() {
        assertThat(catalogue.matching("Acme Bakery Ltd")).isEmpty();
        assertThat(catalogue.matching("ns")).isEmpty();
        assertThat(catalogue.matching(null)).isEmpty();
    }
}
