package org.pallas.server.platform;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document at {@code /v3/api-docs} says exactly what the API reads and writes: every schema has a name
 * of its own, every operation lists the problem+json answers it can give, and every JSON body has a worked example
 * ({@code api/request-examples.json}, sent through the real endpoints by {@code ApiContractTests}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String EXAMPLES = "api/request-examples.json";

    static {
        // Free-form JSON (a stored report, a record payload) is an object, not the getters of Jackson's tree type.
        SpringDocUtils.getConfig().replaceWithClass(tools.jackson.databind.JsonNode.class, Object.class);
    }

    /** The RFC 9457 body of every error answer, as {@link ApiProblemAdvice} and {@link Problems} write it. */
    @io.swagger.v3.oas.annotations.media.Schema(
            name = PROBLEM,
            requiredProperties = {"title", "status"})
    record Problem(String type, String title, int status, String detail, String instance, List<FieldProblem> errors) {

        /** One field at fault: its JSON path, an RFC 6901 pointer when the body could not be read, and what is wrong. */
        @io.swagger.v3.oas.annotations.media.Schema(
                name = "ProblemField",
                requiredProperties = {"field", "message"})
        record FieldProblem(String field, String pointer, String message) {}
    }

    @Bean
    OpenAPI pallasOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Pallas API")
                        .version("v1")
                        .description("Export licensing, screening, "
                                + "classification, risk assessment and the public ledger. Unknown or misspelt fields are "
                                + "refused with 400 naming them; every error is RFC 9457 application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal access token from POST /api/v1/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OpenApiCustomizer problemsAndExamples(JsonMapper json) {
        Map<String, Object> examples = examples(json);
        return openApi -> {
            ModelConverters.getInstance(true).readAll(Problem.class).forEach(openApi.getComponents()::addSchemas);
            Map<String, Operation> operations = new LinkedHashMap<>();
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        operations.put(method + " " + path, operation);
                        documentProblems(path, method, operation);
                    }));
            examples.forEach((key, example) -> {
                Operation operation = operations.get(key);
                MediaType body = operation == null || operation.getRequestBody() == null
                        ? null
                        : operation
                                .getRequestBody()
                                .getContent()
                                .get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
                if (body == null) {
                    throw new IllegalStateException(
                            EXAMPLES + " has an example for " + key + ", which is not an operation with a JSON body");
                }
                body.setExample(example);
            });
            documentRequestBounds(openApi, operations.values());
        };
    }

    /**
     * The limits {@link RequestBounds} reads request bodies with apply to requests only: a response (the rulebook's
     * catalogue, a long list of cases) may well be larger, so only schemas a request body reaches carry them.
     */
    private static void documentRequestBounds(OpenAPI openApi, Iterable<Operation> operations) {
        Map<String, Schema> components = openApi.getComponents().getSchemas() == null
                ? Map.of()
                : openApi.getComponents().getSchemas();
        Set<String> reached = new LinkedHashSet<>();
        Deque<Schema<?>> pending = new ArrayDeque<>();
        for (Operation operation : operations) {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().stream()
                        .map(MediaType::getSchema)
                        .filter(Objects::nonNull)
                        .forEach(schema -> {
                            pending.add(schema);
                            documentBounds(schema); // an inline body schema
                        });
            }
        }
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                Schema<?> named = components.get(name);
                if (named != null && reached.add(name)) {
                    pending.add(named);
                }
                continue;
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                pending.add(values);
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::add);
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (parts != null) {
                    parts.forEach(pending::add);
                }
            }
        }
        reached.forEach(name -> documentBounds(components.get(name)));
    }

    /**
     * Writes the limits every request body is read with ({@link RequestBounds}) into each schema that does not
     * declare its own: {@code maxLength} on text, {@code maxItems} on lists, {@code maxProperties} on maps.
     */
    private static void documentBounds(Schema<?> schema) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        String type = schema.getType() != null
                ? schema.getType()
                : schema.getTypes() == null || schema.getTypes().isEmpty()
                        ? null
                        : schema.getTypes().iterator().next();
        if ("string".equals(type) && schema.getMaxLength() == null && !"binary".equals(schema.getFormat())) {
            schema.setMaxLength(RequestBounds.MAX_TEXT);
        }
        if ("array".equals(type)) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(RequestBounds.MAX_ITEMS);
            }
            documentBounds(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if (schema.getMaxProperties() == null) {
                schema.setMaxProperties(RequestBounds.MAX_ITEMS);
            }
            documentBounds(values);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocumentation::documentBounds);
        }
    }

    private static void documentProblems(String path, PathItem.HttpMethod method, Operation operation) {
        boolean tokens = path.equals("/api/v1/tokens") && method == PathItem.HttpMethod.POST;
        if (tokens) {
            operation.setSecurity(List.of()); // the one call that needs no token
        }
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            problem(operation, "400", "Invalid input: each field at fault is listed in errors, by JSON path");
        }
        problem(operation, "401", tokens ? "Wrong username or password" : "No valid token");
        if (!tokens) {
            problem(operation, "403", "Your role or organisation may not do this");
        }
        if (path.contains("{")) {
            problem(operation, "404", "Not found, or not yours to see");
        }
        if (body) {
            problem(operation, "413", "The body is larger than the request size limit");
            problem(operation, "415", "The body is not of a media type this operation reads");
        }
        if (tokens) {
            problem(
                    operation,
                    "429",
                    "Too many failed sign-ins for this username from this source (address or device): paused, "
                            + "30 s doubling up to 15 min; Retry-After gives the seconds to wait");
            operation
                    .getResponses()
                    .get("429")
                    .addHeaderObject(
                            "Retry-After",
                            new Header()
                                    .description("Seconds until this source may try this username again")
                                    .schema(new Schema<>().type("integer")));
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            problem(
                    operation,
                    "503",
                    "The accountability ledger cannot record changes at the moment: nothing was changed. Retry after"
                            + " the Retry-After header's seconds");
            operation
                    .getResponses()
                    .get("503")
                    .addHeaderObject(
                            "Retry-After",
                            new Header()
                                    .description("Seconds to wait before retrying")
                                    .schema(new Schema<>().type("integer")));
        }
    }

    private static void problem(Operation operation, String status, String description) {
        operation
                .getResponses()
                .putIfAbsent(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> examples(JsonMapper json) {
        try (InputStream in = new ClassPathResource(EXAMPLES).getInputStream()) {
            return json.readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXAMPLES, e);
        }
    }

    /** Schema names that never collide (see {@link DistinctSchemaNames}). */
    @Bean
    ModelConverter distinctSchemaNames() {
        return new DistinctSchemaNames();
    }

    /** Primitive record components are required (see {@link RequiredPrimitives}). */
    @Bean
    ModelConverter requiredPrimitives() {
        return new RequiredPrimitives();
    }

    /**
     * Marks a record's primitive components ({@code int seats}, {@code boolean targeted}) as required: the API reads
     * bodies with nulls for primitives refused, which refuses a missing one too, and always writes them.
     */
    static final class RequiredPrimitives implements ModelConverter {

        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            Class<?> raw = type.getType() == null
                    ? null
                    : Json.mapper().constructType(type.getType()).getRawClass();
            if (schema != null && raw != null && raw.isRecord() && raw.getName().startsWith("org.pallas.")) {
                Schema<?> model = schema.get$ref() == null
                        ? schema
                        : context.getDefinedModels()
                                .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
                if (model != null && model.getProperties() != null) {
                    for (java.lang.reflect.RecordComponent c : raw.getRecordComponents()) {
                        if (c.getType().isPrimitive()
                                && model.getProperties().containsKey(c.getName())
                                && (model.getRequired() == null
                                        || !model.getRequired().contains(c.getName()))) {
                            model.addRequiredItem(c.getName());
                        }
                    }
                }
            }
            return schema;
        }
    }

    /**
     * Names each schema by its type's simple name, unless another Pallas type has the same simple name: then by the
     * module and the simple name ({@code LicensingParty}, {@code ScreeningParty}, {@code PolicyParty}), and where the
     * module has two, by the enclosing type ({@code CaseEventChange}). Without this the document shows one type's
     * fields under the other's name (issue #12: an application's parties documented with the assessment's fields).
     * An explicit {@code @Schema(name)} wins. The Pallas types are listed once, from the class path.
     */
    static final class DistinctSchemaNames implements ModelConverter {

        private volatile Map<String, List<String>> typesBySimpleName;

        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            if (type.getName() == null && type.getType() != null) {
                Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
                if (raw.getName().startsWith("org.pallas.")
                        && !raw.isEnum()
                        && raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class) == null) {
                    String name = nameOf(raw.getName());
                    if (!name.equals(raw.getSimpleName())) {
                        type.name(name);
                    }
                }
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }

        String nameOf(String binaryName) {
            String simple = simpleName(binaryName);
            List<String> same = typesBySimpleName().getOrDefault(simple, List.of(binaryName));
            if (same.size() < 2) {
                return simple;
            }
            String module = module(binaryName);
            if (same.stream().filter(n -> module(n).equals(module)).count() < 2) {
                return capitalised(module) + simple;
            }
            String enclosing = binaryName.substring(binaryName.lastIndexOf('.') + 1);
            return enclosing.replace("$", "");
        }

        private Map<String, List<String>> typesBySimpleName() {
            if (typesBySimpleName == null) {
                ClassPathScanningCandidateComponentProvider scanner =
                        new ClassPathScanningCandidateComponentProvider(false) {
                            @Override
                            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                                return true;
                            }
                        };
                scanner.addIncludeFilter((reader, factory) -> true);
                typesBySimpleName = scanner.findCandidateComponents("org.pallas").stream()
                        // Test classes are on the class path in tests only: they must not change a name.
                        .filter(d -> !String.valueOf(d.getResourceDescription()).contains("test-classes"))
                        .map(BeanDefinition::getBeanClassName)
                        .filter(n -> !Character.isDigit(simpleName(n).charAt(0)))
                        .distinct()
                        .collect(Collectors.groupingBy(ApiDocumentation.DistinctSchemaNames::simpleName));
            }
            return typesBySimpleName;
        }

        private static String simpleName(String binaryName) {
            return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
        }

        /** {@code org.pallas.server.licensing.Party} is in licensing, {@code org.pallas.policy.Party} in policy. */
        private static String module(String binaryName) {
            String rest = binaryName.substring("org.pallas.".length());
            if (rest.startsWith("server.")) {
                rest = rest.substring("server.".length());
            }
            int dot = rest.indexOf('.');
            return dot < 0 ? "" : rest.substring(0, dot);
        }

        private static String capitalised(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
