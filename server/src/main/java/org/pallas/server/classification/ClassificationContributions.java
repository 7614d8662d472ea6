package org.pallas.server.classification;

import java.util.Set;
import org.pallas.server.platform.DashboardTile;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Classification's navigation entries and dashboard tiles. */
@Configuration(proxyBeanMethods = false)
class ClassificationContributions {

    private static final Set<Role> PRODUCT_READERS = Set.of(
            Role.EXPORTER,
            Role.CASEWORKER,
            Role.ADVISER,
            Role.SENIOR_OFFICER,
            Role.OVERSIGHT,
            Role.AUDITOR,
            Role.ADMIN);

    @Bean
    NavigationItem productsNavigation() {
        return new NavigationItem("Products", "/products", PRODUCT_READERS, 20);
    }

    @Bean
    NavigationItem classificationRequestsNavigation() {
        return new NavigationItem("Classification requests", "/classification/requests", PRODUCT_READERS, 25);
    }

    @Bean
    NavigationItem controlListNavigation() {
        return new NavigationItem("Control list", "/control-list", Set.of(), 30);
    }

    @Bean
    DashboardTile controlListTile() {
        return DashboardTile.text(
                "Control-list reference",
                "The Wassenaar, EU, UK and US entries that catch intrusion and"
                        + " surveillance products, in plain language with their citations.",
                "/control-list",
                "Read the control-list entries",
                Set.of(),
                220);
    }

    @Bean
    DashboardTile productsTile() {
        return DashboardTile.text(
                "Your products",
                "Describe what each product does; Pallas says which control-list entries"
                        + " apply and why, and you can send it to the authority for a confirmed rating.",
                "/products",
                "Go to your product register",
                Set.of(Role.EXPORTER),
                200);
    }

    @Bean
    DashboardTile classificationQueueTile() {
        return DashboardTile.text(
                "Classification requests",
                "Confirm or amend the ratings exporters asked for, with reasons.",
                "/classification/requests?open=true",
                "Open classification requests",
                Set.of(Role.CASEWORKER, Role.SENIOR_OFFICER),
                210);
    }
}
