package org.pallas.server.ledger;

import java.util.Set;
import org.pallas.server.platform.DashboardTile;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's navigation entries and dashboard tile. */
@Configuration(proxyBeanMethods = false)
class LedgerContributions {

    @Bean
    NavigationItem ledgerNavigation() {
        return new NavigationItem("Ledger", "/ledger", Set.of(), 95);
    }

    @Bean
    NavigationItem ledgerIntegrityNavigation() {
        return new NavigationItem(
                "Ledger integrity", "/integrity", Set.of(Role.AUDITOR, Role.OVERSIGHT, Role.ADMIN), 92);
    }

    @Bean
    DashboardTile ledgerTile() {
        return DashboardTile.fragment("Accountability ledger", "ledger/tiles :: size", Set.of(), 950);
    }
}
