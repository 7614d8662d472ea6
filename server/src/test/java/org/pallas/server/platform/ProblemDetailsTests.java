package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Errors over real HTTP: problem+json under /api, plain pages for people, never a stack trace. */
@PallasTest
class ProblemDetailsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    private String bearer() {
        return "Bearer " + new TestCast(jdbc, tokens).token("admin");
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("trace");
        JsonNode node = json.readTree(response.body());
        assertThat(node.get("status").asInt()).isEqualTo(status);
        assertThat(node.get("title").asString()).isNotBlank();
        return node;
    }

    @Test
    void unknownApiPathIs404Problem() throws Exception {
        JsonNode p = problem(send("GET", "/api/v1/no-such-thing", null, "Authorization", bearer()), 404);
        assertThat(p.get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void wrongMethodIs405Problem() throws Exception {
        problem(send("DELETE", "/api/v1/me", null, "Authorization", bearer()), 405);
    }

    @Test
    void malformedJsonIs400ProblemNot500() throws Exception {
        JsonNode p = problem(
                send(
                        "POST",
                        "/api/v1/organisations",
                        "{\"name\": \"unterminated",
                        "Authorization",
                        bearer(),
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(p.get("detail").asString()).contains("not valid JSON");
        problem(send("POST", "/api/v1/tokens", "[1,2,3]", "Content-Type", "application/json"), 400);
        problem(
                send(
                        "POST",
                        "/api/v1/organisations",
                        "{\"name\":\"X\",\"kind\":\"SPACESHIP\"}",
                        "Authorization",
                        bearer(),
                        "Content-Type",
                        "application/json"),
                400);
    }

    @Test
    void anUnknownFieldIs400NamingItsJsonPathNotSilentlyDropped() throws Exception {
        JsonNode p = problem(
                send(
                        "POST",
                        "/api/v1/organisations",
                        "{\"name\":\"X\",\"kind\":\"EXPORTER\",\"countryCode\":\"GB\"}",
                        "Authorization",
                        bearer(),
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("countryCode");
        assertThat(p.get("errors").get(0).get("pointer").asString()).isEqualTo("#/countryCode");
        assertThat(p.get("errors").get(0).get("message").asString())
                .isEqualTo("Unknown field 'countryCode'; the fields here are: country, kind, name");
        assertThat(jdbc.sql("select count(*) from organisation where name = 'X'")
                        .query(Long.class)
                        .single())
                .isZero();

        String exporter = "Bearer " + new TestCast(jdbc, tokens).token("northbridge.lee");
        JsonNode nested = problem(
                send(
                        "POST",
                        "/api/v1/applications",
                        """
                {"type":"INDIVIDUAL","details":{"parties":[{"role":"END_USER","name":"A","countryCode":"DE"},
                 {"role":"CONSIGNEE","name":"B","country":"DE"}]}}""",
                        "Authorization",
                        exporter,
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(nested.get("errors").get(0).get("field").asString()).isEqualTo("details.parties[1].country");
        assertThat(nested.get("errors").get(0).get("pointer").asString()).isEqualTo("#/details/parties/1/country");
        assertThat(nested.get("errors").get(0).get("message").asString()).contains("countryCode", "agencyOrUnit");
    }

    @Test
    void wrongTypesAndBadEnumValuesAre400NamingTheFieldWithoutJavaTypes() throws Exception {
        String exporter = "Bearer " + new TestCast(jdbc, tokens).token("northbridge.lee");
        JsonNode wrongType = problem(
                send(
                        "POST",
                        "/api/v1/applications",
                        "{\"type\":\"INDIVIDUAL\",\"details\":{\"quantities\":{\"seats\":\"five\"}}}",
                        "Authorization",
                        exporter,
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(wrongType.get("errors").get(0).get("field").asString()).isEqualTo("details.quantities.seats");
        assertThat(wrongType.get("errors").get(0).get("message").asString()).isEqualTo("'five' is not a whole number");

        JsonNode badEnum = problem(
                send(
                        "POST",
                        "/api/v1/applications",
                        "{\"type\":\"SPECIAL\"}",
                        "Authorization",
                        exporter,
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(badEnum.get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(badEnum.get("errors").get(0).get("message").asString())
                .isEqualTo("Must be one of INDIVIDUAL, OPEN, GENERAL_REGISTRATION");

        JsonNode list = problem(
                send(
                        "POST",
                        "/api/v1/applications",
                        "{\"type\":\"INDIVIDUAL\",\"details\":{\"destinations\":\"DE\"}}",
                        "Authorization",
                        exporter,
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(list.get("errors").get(0).get("field").asString()).isEqualTo("details.destinations");
        assertThat(list.get("errors").get(0).get("message").asString()).isEqualTo("Must be a list");

        JsonNode nullNumber = problem(
                send(
                        "POST",
                        "/api/v1/applications",
                        "{\"type\":\"INDIVIDUAL\",\"details\":{\"quantities\":{\"seats\":null}}}",
                        "Authorization",
                        exporter,
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(nullNumber.get("errors").get(0).get("field").asString()).isEqualTo("details.quantities.seats");
        assertThat(nullNumber.get("errors").get(0).get("message").asString())
                .isEqualTo("Required: give a whole number");
        JsonNode missingNumber = problem(
                send(
                        "POST",
                        "/api/v1/applications",
                        "{\"type\":\"INDIVIDUAL\",\"details\":{\"quantities\":{\"seats\":5,\"concurrentTargets\":2,\"deployments\":1}}}",
                        "Authorization",
                        exporter,
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(missingNumber.get("errors").get(0).get("field").asString())
                .isEqualTo("details.quantities.updateAndSupportMonths");
        for (JsonNode p : List.of(wrongType, badEnum, list, nullNumber)) {
            assertThat(p.toString())
                    .doesNotContain("org.pallas")
                    .doesNotContain("java.")
                    .doesNotContain("`");
        }
    }

    @Test
    void aMissingNullOrTrailingBodyIs400() throws Exception {
        for (String body : new String[] {null, "null", "{\"name\":\"X\",\"kind\":\"EXPORTER\"} {}", "[]"}) {
            JsonNode p = problem(
                    send(
                            "POST",
                            "/api/v1/organisations",
                            body,
                            "Authorization",
                            bearer(),
                            "Content-Type",
                            "application/json"),
                    400);
            assertThat(p.get("errors").get(0).get("field").asString())
                    .as(String.valueOf(body))
                    .isEqualTo("body");
        }
    }

    @Test
    void validationProblemsListEachField() throws Exception {
        JsonNode p = problem(
                send(
                        "POST",
                        "/api/v1/organisations",
                        "{\"name\":\"\",\"country\":\"Germany\"}",
                        "Authorization",
                        bearer(),
                        "Content-Type",
                        "application/json"),
                400);
        assertThat(p.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("country", "kind", "name");
        assertThat(p.get("errors").findValuesAsString("message"))
                .contains("Country must be a two-letter ISO 3166 code, e.g. GB");
    }

    @Test
    void tooLargeBodyIs413Problem() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        problem(
                send(
                        "POST",
                        "/api/v1/organisations",
                        big,
                        "Authorization",
                        bearer(),
                        "Content-Type",
                        "application/json"),
                413);
    }

    @Test
    void unsupportedMediaTypeIs415Problem() throws Exception {
        problem(send("POST", "/api/v1/tokens", "username=a", "Content-Type", "text/plain"), 415);
    }

    @Test
    void unauthenticatedApiCallsAre401Problem() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/me", null);
        problem(r, 401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void peopleGetA404PageWithoutDetails() throws Exception {
        HttpResponse<String> r = send("GET", "/no/such/page", null, "Accept", "text/html");
        // Anonymous visitors are sent to sign in first, revealing nothing about what exists.
        assertThat(r.statusCode()).isEqualTo(302);
        String html = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/organisations/x")
                        .with(new TestCast(jdbc, tokens).session(Who.CASEWORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("<h1>Page not found</h1>").contains("<main id=\"main\"");
    }

    @Test
    void a500PageNeverShowsTheExceptionOrStackTrace() throws Exception {
        var response = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(
                                RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret database detail"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/account"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString())
                .contains("Something went wrong on our side")
                .doesNotContain("secret database detail")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at org.");
    }

    @Test
    void anotherOrganisationsPageIsA404PageForAnExporter() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        var response = mvc.perform(get("/organisations/" + cast.organisationOf("calder.weber"))
                        .with(cast.session(Who.EXPORTER_A)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain("Calder");
    }
}
