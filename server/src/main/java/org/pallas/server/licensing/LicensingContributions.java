package org.pallas.server.licensing;

import java.util.Set;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Licensing's navigation entries. */
@Configuration(proxyBeanMethods = false)
class LicensingContributions {

    @Bean
    NavigationItem applicationsNavigation() {
        return new NavigationItem("Applications", "/applications", Set.of(Role.EXPORTER), 10);
    }

    @Bean
    NavigationItem caseQueueNavigation() {
        return new NavigationItem("Case queue", "/cases", Set.of(Role.CASEWORKER, Role.SENIOR_OFFICER), 10);
    }

    @Bean
    NavigationItem teamQueuesNavigation() {
        return new NavigationItem("Team queues", "/queues", Set.of(Role.CASEWORKER, Role.SENIOR_OFFICER), 11);
    }

    @Bean
    NavigationItem serviceLevelsNavigation() {
        return new NavigationItem(
                "Service levels",
                "/service-levels",
                Set.of(Role.CASEWORKER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR),
                12);
    }

    @Bean
    NavigationItem licencesNavigation() {
        return new NavigationItem(
                "Licences",
                "/licences",
                Set.of(Role.EXPORTER, Role.CASEWORKER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR),
                13);
    }

    @Bean
    NavigationItem notificationsNavigation() {
        return new NavigationItem("Notifications", "/notifications", Set.of(Role.values()), 90);
    }
}
