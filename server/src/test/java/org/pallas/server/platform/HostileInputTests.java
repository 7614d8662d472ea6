package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inputs of issue 13 that answered 500 or were accepted wrongly: each is now a 400 naming the field. */
@PallasTest
class HostileInputTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return send("admin", method, path, contentType, body);
    }

    private HttpResponse<String> send(String who, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + new TestCast(jdbc, tokens).token(who));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    private JsonNode badRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("tools.");
        return json.readTree(response.body());
    }

    @Test
    void aNulCharacterInAJsonFieldIsRefusedNamingTheField() throws Exception {
        JsonNode p = badRequest(send(
                "POST",
                "/api/v1/organisations",
                "application/json",
                "{\"name\":\"Acme\\u0000Ltd\",\"kind\":\"EXPORTER\"}"));
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(p.get("errors").get(0).get("message").asString()).contains("NUL");
        assertThat(jdbc.sql("select count(*) from organisation where name like 'Acme%Ltd'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() throws Exception {
        JsonNode p = badRequest(send("GET", "/api/v1/screening/alerts?status=OPEN%00", null, null));
        assertThat(p.get("detail").asString()).contains("'status'").contains("NUL");
    }

    @Test
    void aNulCharacterInAWebFormIsAPageNamingTheField() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString("username=admin%00&password=x"))
                        .build(),
                BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The field &#39;username&#39; contains the NUL character");
    }

    @Test
    void aJsonNullBodyIsRefused() throws Exception {
        badRequest(send("POST", "/api/v1/assessments", "application/json", "null"));
        HttpResponse<String> batch =
                send("caseworker", "POST", "/api/v1/screening/batch", "application/x-ndjson", "null\n");
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.body()).contains("\"error\":\"each line must be a JSON object");
    }

    @Test
    void batchErrorLinesNameNoJavaClass() throws Exception {
        HttpResponse<String> r = send(
                "caseworker",
                "POST",
                "/api/v1/screening/batch",
                "application/x-ndjson",
                "{\"name\": 5, \"kind\": []}\n{\"nome\": 1}\n");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"line\":1", "\"line\":2", "\"error\":")
                .doesNotContain("java.")
                .doesNotContain("org.pallas")
                .doesNotContain("SearchRequest")
                .doesNotContain("`");
        assertThat(r.body()).contains("name: ");
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsRefused() throws Exception {
        JsonNode p =
                badRequest(send("caseworker", "POST", "/api/v1/screening/batch", "multipart/form-data", "--x\r\n\r\n"));
        assertThat(p.get("detail").asString()).contains("boundary");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                        .GET()
                        .build(),
                BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void aHugeNumberIsNotTrue() throws Exception {
        java.util.UUID user = new TestCast(jdbc, tokens).userId("auditor");
        JsonNode p = badRequest(send(
                "PUT",
                "/api/v1/users/" + user + "/enabled",
                "application/json",
                "{\"enabled\": 99999999999999999999999}"));
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("enabled");
        badRequest(send("PUT", "/api/v1/users/" + user + "/enabled", "application/json", "{\"enabled\": 1}"));
    }

    @Test
    void textAndListsOverTheBoundsAreRefusedNamingTheField() throws Exception {
        JsonNode text = badRequest(send(
                "POST",
                "/api/v1/screening/search",
                "application/json",
                "{\"name\":\"" + "N".repeat(RequestBounds.MAX_TEXT + 1) + "\"}"));
        assertThat(text.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(text.get("errors").get(0).get("message").asString()).isEqualTo("Must be 10,000 characters or fewer");
        String ids = "\"x\",".repeat(RequestBounds.MAX_ITEMS) + "\"x\"";
        JsonNode list = badRequest(send(
                "POST",
                "/api/v1/screening/search",
                "application/json",
                "{\"name\":\"Acme\",\"identifiers\":[" + ids + "]}"));
        assertThat(list.get("errors").get(0).get("field").asString()).isEqualTo("identifiers");
        assertThat(list.get("errors").get(0).get("message").asString()).isEqualTo("At most 1,000 entries");
    }

    @Test
    void theOpenApiSchemaDocumentsTheBoundsOfEveryRequestBodyAndNoneOnResponses() throws Exception {
        JsonNode docs = json.readTree(send("GET", "/v3/api-docs", null, null).body());
        JsonNode schemas = docs.get("components").get("schemas");
        // every schema a request body reaches, by following $ref from each operation's requestBody
        java.util.Set<String> requestSchemas = new java.util.TreeSet<>();
        java.util.Deque<JsonNode> pending = new java.util.ArrayDeque<>();
        docs.get("paths").forEach(item -> item.forEach(operation -> pending.add(operation.path("requestBody"))));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            String ref = node.path("$ref").asString("");
            if (ref.startsWith("#/components/schemas/")) {
                String name = ref.substring("#/components/schemas/".length());
                if (requestSchemas.add(name)) {
                    pending.add(schemas.get(name));
                }
            }
            node.forEach(pending::add);
        }
        assertThat(requestSchemas).contains("SearchRequest");
        java.util.List<String> unbounded = new java.util.ArrayList<>();
        schemas.properties().stream()
                .filter(schema -> requestSchemas.contains(schema.getKey()))
                .forEach(schema -> {
                    JsonNode props = schema.getValue().get("properties");
                    if (props == null) {
                        return;
                    }
                    props.properties().forEach(p -> {
                        String type = p.getValue().path("type").asString("");
                        if ((type.equals("string")
                                        && !p.getValue().has("maxLength")
                                        && !"binary"
                                                .equals(p.getValue()
                                                        .path("format")
                                                        .asString("")))
                                || (type.equals("array") && !p.getValue().has("maxItems"))) {
                            unbounded.add(schema.getKey() + "." + p.getKey());
                        }
                    });
                });
        assertThat(unbounded).isEmpty();
        assertThat(schemas.get("SearchRequest")
                        .get("properties")
                        .get("name")
                        .get("maxLength")
                        .asInt())
                .isEqualTo(RequestBounds.MAX_TEXT);
        // a response may be larger than a request may: the rulebook's catalogue is well over 10,000 characters
        assertThat(requestSchemas).doesNotContain("ProblemField");
        assertThat(schemas.get("ProblemField").get("properties").get("message").has("maxLength"))
                .isFalse();
    }
}
