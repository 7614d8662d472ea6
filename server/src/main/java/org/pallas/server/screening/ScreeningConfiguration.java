package org.pallas.server.screening;

import org.pallas.screening.ListCatalogue;
import org.pallas.screening.ScoringConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The list catalogue (versions in use and their index) with the configured alert threshold. */
@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

    @Bean
    ListCatalogue listCatalogue(@Value("${pallas.screening.alert-threshold:0}") double threshold) {
        ScoringConfig defaults = ScoringConfig.defaults();
        return new ListCatalogue(threshold > 0 ? defaults.withAlertThreshold(threshold) : defaults);
    }
}
