package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * No client input is a server error (issue 13): every operation of the OpenAPI document is called by an anonymous
 * caller, an exporter, a caseworker and an administrator with boundary and random path variables, query
 * parameters and bodies — the documented example with each field replaced by a hostile value, bodies generated
 * from the schema, and bodies that are not the JSON asked for. Not one answer may be a 5xx. The seed is fixed, so
 * a failure is repeatable; every failing request is listed.
 */
@PallasTest
class NoServerErrorFuzzTests {

    private static final long SEED = 20261207L;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Signs in with passwords: random attempts would only pause the demo accounts (SignInThrottleTests). */
    private static final List<String> EXCLUDED = List.of("POST /api/v1/tokens");

    private static final List<String> PATH_VALUES = List.of(
            "00000000-0000-4000-8000-000000000000",
            "not-a-uuid",
            "0",
            "-1",
            "99999999999999999999999",
            "A".repeat(300),
            "%F0%9F%92%A9",
            "..%2F..%2Fetc",
            "%00");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JsonMapper json;

    private final Random random = new Random(SEED);

    record Call(String description, int status) {}

    @Test
    void noRequestToAnyOperationIsAnsweredWithAServerError() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        JsonNode doc = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String key = method + " " + path.getKey();
                if (EXCLUDED.contains(key) || !path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (Request request : requests(path.getKey(), operation.getValue(), schemas)) {
                    for (Who who : List.of(Who.ANON, Who.EXPORTER_A, Who.CASEWORKER, Who.ADMIN)) {
                        calls++;
                        int status = perform(cast, who, method, request);
                        if (status >= 500) {
                            failures.add(status + " for " + who.key + ": " + method + " " + request);
                        }
                    }
                }
            }
        }
        assertThat(calls).as("requests sent").isGreaterThan(2000);
        assertThat(failures).as("requests answered with a server error").isEmpty();
    }

    /** One request to send: a path with its variables bound, a query string, and maybe a body. */
    record Request(String uri, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
            return uri + (contentType == null ? "" : " [" + contentType + "]") + shown;
        }
    }

    private int perform(TestCast cast, Who who, String method, Request request) throws Exception {
        MockHttpServletRequestBuilder builder;
        try {
            builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), request.uri());
        } catch (IllegalArgumentException e) {
            return 400; // a URI the client library refuses to build never reaches the server
        }
        if (request.body() != null) {
            builder.contentType(request.contentType()).content(request.body());
        }
        if (who != Who.ANON) {
            builder = cast.as(who, builder, true);
        }
        return mvc.perform(builder).andReturn().getResponse().getStatus();
    }

    private List<Request> requests(String pattern, JsonNode operation, JsonNode schemas) {
        List<Request> out = new ArrayList<>();
        JsonNode content = operation.path("requestBody").path("content");
        List<String> bodies = new ArrayList<>();
        String type = null;
        if (content.has("application/json")) {
            type = "application/json";
            JsonNode schema = content.path("application/json").path("schema");
            JsonNode example = content.path("application/json").path("example");
            bodies.addAll(List.of("null", "[]", "{}", "{", "\"text\"", "1e999", "{\"a\":" + "[".repeat(2000)));
            for (int i = 0; i < 3; i++) {
                bodies.add(generate(schema, schemas, 0).toString());
            }
            if (example.isObject()) {
                bodies.add(example.toString());
                bodies.addAll(mutations((ObjectNode) example));
            }
        } else if (content.isObject() && !content.isEmpty()) {
            Iterator<String> types = content.propertyNames().iterator();
            type = types.next();
            bodies.addAll(List.of("", "\u0000", "name\n\"unterminated", "{\"name\":null}\nnull\n", "\uFEFF\uFFFE"));
        }
        for (int i = 0; i < 3; i++) {
            String uri = bind(pattern, i) + query(operation.path("parameters"), i);
            if (bodies.isEmpty()) {
                out.add(new Request(uri, null, null));
            }
        }
        String uri = bind(pattern, 0) + query(operation.path("parameters"), 0);
        for (String body : bodies) {
            out.add(new Request(uri, type, body));
        }
        return out;
    }

    /** The path with every variable bound: a valid-looking UUID first, then hostile values. */
    private String bind(String pattern, int round) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value =
                    round == 0 ? UUID.randomUUID().toString() : PATH_VALUES.get(random.nextInt(PATH_VALUES.size()));
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String query(JsonNode parameters, int round) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asString().equals("query") || (round == 0 && random.nextBoolean())) {
                continue;
            }
            String value = switch (random.nextInt(6)) {
                case 0 -> "";
                case 1 -> "-1";
                case 2 -> "99999999999999999999999";
                case 3 -> "%00";
                case 4 -> "x".repeat(5000);
                default -> "2026-13-45";
            };
            sb.append(sb.isEmpty() ? '?' : '&')
                    .append(parameter.path("name").asString())
                    .append('=')
                    .append(value);
        }
        return sb.toString();
    }

    /** The example with one field at a time replaced by a hostile value, and once with an unknown field. */
    private List<String> mutations(ObjectNode example) {
        List<String> out = new ArrayList<>();
        List<JsonNode> hostile = List.of(
                NODES.nullNode(),
                NODES.stringNode(""),
                NODES.stringNode("\u0000"),
                NODES.stringNode("x".repeat(20_000)),
                NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
                NODES.numberNode(-1),
                NODES.numberNode(1.5),
                NODES.booleanNode(true),
                NODES.arrayNode(),
                NODES.objectNode(),
                NODES.stringNode("2026-02-30"),
                NODES.stringNode("\u202Eevil\u200b"));
        for (String field : example.propertyNames()) {
            ObjectNode copy = example.deepCopy();
            copy.set(field, hostile.get(random.nextInt(hostile.size())));
            out.add(copy.toString());
            ObjectNode copy2 = example.deepCopy();
            copy2.set(field, hostile.get(random.nextInt(hostile.size())));
            out.add(copy2.toString());
        }
        ObjectNode unknown = example.deepCopy();
        unknown.put("notAField", 1);
        out.add(unknown.toString());
        return out;
    }

    /** A random value for a schema: boundary strings, numbers and sizes, nested at most four levels. */
    private JsonNode generate(JsonNode schema, JsonNode schemas, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString();
            return generate(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth);
        }
        if (depth > 4) {
            return NODES.nullNode();
        }
        String type = schema.path("type").asString("object");
        if (schema.has("enum") && random.nextInt(3) > 0) {
            JsonNode values = schema.path("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (type) {
            case "object" -> {
                ObjectNode node = NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    if (random.nextInt(4) > 0) {
                        node.set(p.getKey(), generate(p.getValue(), schemas, depth + 1));
                    }
                }
                return node;
            }
            case "array" -> {
                ArrayNode node = NODES.arrayNode();
                int n = random.nextInt(10) == 0 ? 1500 : random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    node.add(n > 3 ? NODES.stringNode("x") : generate(schema.path("items"), schemas, depth + 1));
                }
                return node;
            }
            case "integer", "number" -> {
                return switch (random.nextInt(5)) {
                    case 0 -> NODES.numberNode(Long.MAX_VALUE);
                    case 1 -> NODES.numberNode(-1);
                    case 2 -> NODES.numberNode(0);
                    case 3 -> NODES.stringNode("12");
                    default -> NODES.numberNode(random.nextInt(1000));
                };
            }
            case "boolean" -> {
                return random.nextBoolean() ? NODES.booleanNode(false) : NODES.numberNode(1);
            }
            default -> {
                String format = schema.path("format").asString("");
                return switch (random.nextInt(6)) {
                    case 0 -> NODES.stringNode("");
                    case 1 -> NODES.stringNode("y".repeat(11_000));
                    case 2 -> NODES.stringNode("nul\u0000byte");
                    case 3 -> NODES.stringNode("2026-12-07T25:61:00Z");
                    default ->
                        NODES.stringNode(
                                format.equals("uuid")
                                        ? UUID.randomUUID().toString()
                                        : format.equals("date") ? "2026-12-07" : "Fuzz " + random.nextInt(1000));
                };
            }
        }
    }
}
