package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTests {

    private static Caller caller(OrganisationKind kind, Role... roles) {
        return new Caller(UUID.randomUUID(), "u", "U", UUID.randomUUID(), "Org", kind, Set.of(roles), null);
    }

    @Test
    void anExporterIsScopedToItsOwnOrganisationWhateverRolesItClaims() {
        Caller exporter = caller(OrganisationKind.EXPORTER, Role.EXPORTER, Role.CASEWORKER);
        assertThat(exporter.readsAcrossOrganisations()).isFalse();
        assertThat(exporter.organisationScope()).isEqualTo(exporter.organisationId());
        assertThat(exporter.maySee(exporter.organisationId())).isTrue();
        assertThat(exporter.maySee(UUID.randomUUID())).isFalse();
    }

    @Test
    void theAuthoritySideAndOversightReadAcrossOrganisations() {
        for (Caller c : new Caller[] {
            caller(OrganisationKind.LICENSING_AUTHORITY, Role.CASEWORKER),
            caller(OrganisationKind.ADVISORY_DEPARTMENT, Role.ADVISER),
            caller(OrganisationKind.OVERSIGHT_BODY, Role.OVERSIGHT),
            caller(OrganisationKind.OVERSIGHT_BODY, Role.AUDITOR)
        }) {
            assertThat(c.readsAcrossOrganisations()).isTrue();
            assertThat(c.organisationScope()).isNull();
        }
    }

    @Test
    void aCivilSocietyUserWithoutRolesSeesOnlyItsOwnOrganisation() {
        Caller cs = caller(OrganisationKind.CIVIL_SOCIETY);
        assertThat(cs.isCivilSociety()).isTrue();
        assertThat(cs.organisationScope()).isEqualTo(cs.organisationId());
    }

    @Test
    void navigationAndTilesShowOnlyToTheirRoles() {
        NavigationItem admin = new NavigationItem("Administration", "/admin", Set.of(Role.ADMIN), 1);
        NavigationItem everyone = new NavigationItem("Home", "/", Set.of(), 0);
        Caller exporter = caller(OrganisationKind.EXPORTER, Role.EXPORTER);
        assertThat(admin.visibleTo(exporter)).isFalse();
        assertThat(everyone.visibleTo(exporter)).isTrue();
        assertThat(admin.visibleTo(caller(OrganisationKind.LICENSING_AUTHORITY, Role.ADMIN)))
                .isTrue();
        assertThat(DashboardTile.text("t", "x", null, null, Set.of(Role.OVERSIGHT), 0)
                        .visibleTo(exporter))
                .isFalse();
    }
}
