package org.pallas.server.classification;

import org.pallas.classification.ClassificationEngine;
import org.pallas.classification.questionnaire.Questionnaire;
import org.pallas.classification.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The control-list reference data shipped with classification-core, loaded once, and one engine. */
@Configuration(proxyBeanMethods = false)
class ClassificationConfiguration {

    @Bean
    ReferenceData controlListReferenceData() {
        return ReferenceData.bundled();
    }

    @Bean
    ClassificationEngine classificationEngine(ReferenceData data) {
        return new ClassificationEngine(data);
    }

    @Bean
    Questionnaire capabilityQuestionnaire() {
        return Questionnaire.standard();
    }
}
