package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicMetadataListTest {

    private final PublicMetadataList list = PublicMetadataList.parse("""
            # comment
            licensing.licence.issued: licence, validFrom
            licensing.licence.*: licence, from, to
            licensing.*: case
            identity.user.*: -
            """);

    @Test
    void anExactTypeWinsOverItsPrefixAndTheLongestPrefixOverAShorterOne() {
        assertThat(list.allowed("licensing.licence.issued")).containsExactlyInAnyOrder("licence", "validFrom");
        assertThat(list.allowed("licensing.licence.licence-revoked"))
                .containsExactlyInAnyOrder("licence", "from", "to");
        assertThat(list.allowed("licensing.case.case-routed")).containsExactly("case");
    }

    @Test
    void aTypeTheListDoesNotNameOrNamesWithADashPublishesNothing() {
        assertThat(list.allowed("misuse.report.received")).isEmpty();
        assertThat(list.names("misuse.report.received")).isFalse();
        assertThat(list.allowed("identity.user.enabled")).isEmpty();
        assertThat(list.names("identity.user.enabled")).isTrue();
    }

    @Test
    void aTypeListedTwiceOrALineWithoutKeysIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> PublicMetadataList.parse("a.b: x\na.b: y\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PublicMetadataList.parse("\nno colon here\n")).hasMessageContaining("line 2");
    }

    @Test
    void theShippedListParses() {
        assertThat(PublicMetadataList.shipped().allowed("identity.organisation.created"))
                .containsExactlyInAnyOrder("kind", "country");
    }
}
