package org.pallas.server.licensing.casework;

import java.util.Set;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Navigation to the casework pages for advisers (their queue) and for oversight and auditors (the cases they read). */
@Configuration(proxyBeanMethods = false)
class CaseworkNavigation {

    @Bean
    NavigationItem adviceQueueNavigation() {
        return new NavigationItem("Advice queue", "/advice", Set.of(Role.ADVISER), 10);
    }

    @Bean
    NavigationItem caseReadingNavigation() {
        return new NavigationItem("Licensing cases", "/cases", Set.of(Role.OVERSIGHT, Role.AUDITOR), 10);
    }
}
