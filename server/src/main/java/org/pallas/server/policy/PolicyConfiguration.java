package org.pallas.server.policy;

import org.pallas.policy.CountryData;
import org.pallas.policy.MisuseEvidence;
import org.pallas.policy.Rulebook;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shipped policy data, loaded once: the engine is stateless and shared. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    Rulebook shippedRulebook() {
        return Rulebook.shipped();
    }

    @Bean
    CountryData countryData() {
        return CountryData.shipped();
    }

    @Bean
    MisuseEvidence misuseEvidence() {
        return MisuseEvidence.shipped();
    }
}
