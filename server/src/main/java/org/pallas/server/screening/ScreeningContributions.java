package org.pallas.server.screening;

import java.util.Set;
import org.pallas.server.platform.DashboardTile;
import org.pallas.server.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Screening's navigation entries and dashboard tile. */
@Configuration(proxyBeanMethods = false)
class ScreeningContributions {

    @Bean
    NavigationItem screeningNavigation() {
        return new NavigationItem("Screening", "/screening", ScreeningAccess.SCREENERS, 30);
    }

    @Bean
    NavigationItem batchScreeningNavigation() {
        return new NavigationItem("Batch screening", "/screening/batch", ScreeningAccess.SCREENERS, 34);
    }

    @Bean
    NavigationItem partiesNavigation() {
        return new NavigationItem("Parties", "/screening/parties", ScreeningAccess.READERS, 31);
    }

    @Bean
    NavigationItem alertsNavigation() {
        return new NavigationItem("Screening alerts", "/screening/alerts", ScreeningAccess.READERS, 32);
    }

    @Bean
    NavigationItem listsNavigation() {
        return new NavigationItem("Sanctions lists", "/screening/lists", Set.of(), 33);
    }

    @Bean
    DashboardTile screeningTile() {
        return DashboardTile.text(
                "Restricted-party screening",
                "Screen customers, end users and consignees against sanctions and restricted-party lists; parties are re-screened whenever a list changes.",
                "/screening",
                "Screen a name",
                ScreeningAccess.SCREENERS,
                300);
    }
}
