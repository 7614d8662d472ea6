package org.pallas.server.platform;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final RequestLog.CallerNote callerNote;

    WebConfiguration(RequestLog.CallerNote callerNote) {
        this.callerNote = callerNote;
    }

    /**
     * Request bodies are read strictly: an unknown or misspelt field, an explicit null for a number or a boolean and
     * anything after the JSON value, a number for true/false, a fraction for a whole number, a NUL character and a
     * value over the bounds of {@link RequestBounds} are a 400 naming the field, never silently dropped or defaulted. Only HTTP
     * bodies: the application's own JSON (stored rows, ledger payloads) keeps the lenient shared mapper.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer strictJsonBodies(JsonMapper json) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // strict numbers: 1.5 is not a whole number, and no number is true or false
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(RequestBounds.module())
                .build());
        // Replaced in place, so that byte[] and String answers keep their own converters ahead of JSON.
        return builder -> builder.configureMessageConvertersList(converters ->
                converters.replaceAll(c -> c.getClass() == JacksonJsonHttpMessageConverter.class ? strict : c));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(callerNote);
    }
}
