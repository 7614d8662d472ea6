package org.pallas.server.policy;

import java.util.Set;
import org.pallas.server.platform.DashboardTile;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rulebook's navigation entry and dashboard tile. */
@Configuration(proxyBeanMethods = false)
class PolicyContributions {

    private static final Set<Role> READERS =
            Set.of(Role.CASEWORKER, Role.ADVISER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR, Role.ADMIN);

    @Bean
    NavigationItem rulebookNavigation() {
        return new NavigationItem("Rulebook", "/rulebook", READERS, 40);
    }

    @Bean
    DashboardTile rulebookTile() {
        return DashboardTile.text(
                "Rulebook",
                "The risk-assessment rules in force, with the regulation each one "
                        + "implements; unverified citations are marked.",
                "/rulebook",
                "Read the rulebook",
                READERS,
                400);
    }
}
