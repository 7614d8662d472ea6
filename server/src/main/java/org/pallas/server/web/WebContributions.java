package org.pallas.server.web;

import java.util.Set;
import org.pallas.server.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebContributions {

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("Home", "/", Set.of(), 0);
    }
}
