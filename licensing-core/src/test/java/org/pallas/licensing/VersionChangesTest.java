package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VersionChangesTest {

    private static ApplicationVersion version(int n, ApplicationDetails d) {
        return new ApplicationVersion(n, d, Instant.parse("2026-11-02T10:00:00Z"), "alice", "v" + n);
    }

    @Test
    void identicalVersionsHaveNoChanges() {
        ApplicationDetails d = Fixtures.individual();
        assertThat(VersionChanges.between(version(1, d), version(2, d)).lines()).isEmpty();
    }

    @Test
    void aChangedQuantityAndDestinationAreEachOneLineWithBeforeAndAfter() {
        ApplicationDetails d = Fixtures.individual();
        QuantityModel q = d.quantities();
        ApplicationDetails amended = d.withQuantities(new QuantityModel(
                        q.seats() + 3, q.concurrentTargets(), q.deployments(), q.updateAndSupportMonths()))
                .withDestinations(Set.of("DE", "FR"));
        VersionChanges changes = VersionChanges.between(version(1, d), version(2, amended));
        assertThat(changes.from()).isEqualTo(1);
        assertThat(changes.to()).isEqualTo(2);
        assertThat(changes.lines())
                .extracting(VersionChanges.Line::field)
                .containsExactly("destinations", "quantities");
        assertThat(changes.lines().get(1).before()).startsWith(q.seats() + " seats");
        assertThat(changes.lines().get(1).after()).startsWith((q.seats() + 3) + " seats");
        assertThat(changes.lines().get(0).after()).isEqualTo("DE, FR");
    }

    @Test
    void aPartyIsMatchedByItsIdSoARenameReadsAsAChangeAndANewPartyAsAnAddition() {
        ApplicationDetails d = Fixtures.individual();
        Party first = d.parties().get(0);
        Party renamed = new Party(
                first.partyId(),
                first.role(),
                "Renamed GmbH",
                first.countryCode(),
                first.address(),
                first.endUserType(),
                first.agencyOrUnit());
        Party consignee = new Party("C-9", PartyRole.CONSIGNEE, "Forwarder Ltd", "NL", "Kade 1, Rotterdam", null, null);
        ApplicationDetails amended = d.withParties(List.of(renamed, d.parties().get(1), consignee));
        VersionChanges changes = VersionChanges.between(version(1, d), version(2, amended));
        assertThat(changes.lines()).hasSize(2);
        assertThat(changes.lines().get(0).field()).isEqualTo("party " + first.partyId());
        assertThat(changes.lines().get(0).after()).contains("Renamed GmbH");
        assertThat(changes.lines().get(1).field()).isEqualTo("party C-9");
        assertThat(changes.lines().get(1).before()).isEqualTo("—");
    }

    @Test
    void ofListsTheChangesBetweenConsecutiveVersions() {
        ApplicationDetails d = Fixtures.individual();
        List<VersionChanges> all = VersionChanges.of(List.of(
                version(1, d),
                version(2, d.withEndUseStatement("Other use.")),
                version(3, d.withEndUseStatement("Other use."))));
        assertThat(all).extracting(VersionChanges::to).containsExactly(2, 3);
        assertThat(all.get(0).lines()).extracting(VersionChanges.Line::field).containsExactly("end-use statement");
        assertThat(all.get(1).lines()).isEmpty();
    }
}
