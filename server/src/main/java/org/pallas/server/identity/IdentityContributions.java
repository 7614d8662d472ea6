package org.pallas.server.identity;

import java.util.Set;
import org.pallas.server.platform.DashboardTile;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity's navigation entries and dashboard tiles. */
@Configuration(proxyBeanMethods = false)
class IdentityContributions {

    private static final Set<Role> READ_ACROSS =
            Set.of(Role.CASEWORKER, Role.ADVISER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR, Role.ADMIN);

    @Bean
    NavigationItem organisationsNavigation() {
        return new NavigationItem("Organisations", "/organisations", READ_ACROSS, 80);
    }

    @Bean
    NavigationItem myOrganisationNavigation() {
        return new NavigationItem("My organisation", "/organisation", Set.of(), 85);
    }

    @Bean
    NavigationItem administrationNavigation() {
        return new NavigationItem("Administration", "/admin/organisations", Set.of(Role.ADMIN), 90);
    }

    @Bean
    NavigationItem accountNavigation() {
        return new NavigationItem("Your account", "/account", Set.of(), 100);
    }

    @Bean
    DashboardTile organisationTile() {
        return DashboardTile.fragment("Your organisation", "identity/tiles :: organisation", Set.of(), 900);
    }

    @Bean
    DashboardTile administrationTile() {
        return DashboardTile.text(
                "Administration",
                "Add organisations and users, change roles and disable accounts.",
                "/admin/organisations",
                "Manage organisations and users",
                Set.of(Role.ADMIN),
                910);
    }

    @Bean
    DashboardTile tokensTile() {
        return DashboardTile.text(
                "API access",
                "Create personal access tokens to use the Pallas API from your own systems.",
                "/account",
                "Manage your access tokens",
                Set.of(),
                950);
    }
}
