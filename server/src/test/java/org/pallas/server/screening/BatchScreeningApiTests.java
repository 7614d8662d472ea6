package org.pallas.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Batch screening as a job over the API (issue 13, bounded work): 202 and a Location, progress, results. */
@PallasTest
class BatchScreeningApiTests {

    @Autowired
    RestrictedLists lists;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JsonMapper json;

    TestCast cast;

    @BeforeEach
    void listsLoaded() throws InterruptedException {
        cast = new TestCast(jdbc, tokens);
        assertThat(lists.awaitLoaded(Duration.ofMinutes(4)))
                .as("bundled lists loaded")
                .isTrue();
    }

    private String start(Who who, String contentType, String body) throws Exception {
        return mvc.perform(cast.as(who, post("/api/v1/screening/batch-jobs"), true)
                        .contentType(contentType)
                        .content(body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
    }

    private JsonNode awaitFinished(Who who, String location) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = json.readTree(mvc.perform(cast.as(who, get(location), true))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            if (!job.get("status").asString().equals("RUNNING")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(location + " did not finish in two minutes");
    }

    private List<JsonNode> results(Who who, String location) throws Exception {
        return mvc.perform(cast.as(who, get(location + "/results"), true))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .map(json::readTree)
                .toList();
    }

    @Test
    void aCsvJobIsAcceptedAtOnceAndItsResultsNameTheBestMatchOrTheRowsError() throws Exception {
        String location = start(
                Who.EXPORTER_A,
                "text/csv",
                "name,kind,birthDate\nIntelexa,organisation,\nTal Dilian,person,19xx\nJane Plainname,person,\n");
        assertThat(location).startsWith("/api/v1/screening/batch-jobs/");

        JsonNode job = awaitFinished(Who.EXPORTER_A, location);
        assertThat(job.get("status").asString()).isEqualTo("FINISHED");
        assertThat(job.get("total").asInt()).isEqualTo(3);
        assertThat(job.get("done").asInt()).isEqualTo(3);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("errors").asInt()).isEqualTo(1);
        assertThat(job.get("alerts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(job.get("results").asString()).isEqualTo(location + "/results");

        List<JsonNode> rows = results(Who.EXPORTER_A, location);
        assertThat(rows).extracting(r -> r.get("line").asInt()).containsExactly(2, 3, 4);
        JsonNode intellexa = rows.get(0);
        assertThat(intellexa.get("alert").asBoolean()).isTrue();
        assertThat(intellexa.get("bestMatch").get("listedName").asString().toLowerCase(Locale.ROOT))
                .contains("intellexa");
        assertThat(intellexa.get("bestMatch").get("explanation")).isNotEmpty();
        assertThat(intellexa.get("listVersions")).isNotEmpty();
        assertThat(rows.get(1).get("error").asString()).contains("date");
    }

    @Test
    void anNdjsonJobScreensEachLineAndNamesMalformedLinesWithoutJavaTypes() throws Exception {
        String location = start(
                Who.CASEWORKER,
                "application/x-ndjson",
                "{\"name\":\"Intelexa\",\"kind\":\"organisation\"}\n{\"name\": [1]}\n");
        awaitFinished(Who.CASEWORKER, location);
        List<JsonNode> rows = results(Who.CASEWORKER, location);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("alert").asBoolean()).isTrue();
        assertThat(rows.get(1).get("error").asString())
                .startsWith("malformed JSON")
                .doesNotContain("java.");
    }

    @Test
    void anotherOrganisationGetsNotFoundForAJobAndItsResults() throws Exception {
        String location = start(Who.EXPORTER_A, "text/csv", "name\nIntelexa\n");
        mvc.perform(cast.as(Who.EXPORTER_B, get(location), true)).andExpect(status().isNotFound());
        mvc.perform(cast.as(Who.EXPORTER_B, get(location + "/results"), true)).andExpect(status().isNotFound());
        mvc.perform(cast.as(Who.CASEWORKER, get(location), true)).andExpect(status().isNotFound());
        awaitFinished(Who.EXPORTER_A, location);
    }

    @Test
    void aFileThatCannotBeReadIsA400NamingTheBody() throws Exception {
        mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/screening/batch-jobs"), true)
                        .contentType("text/csv")
                        .content("company,country\nIntelexa,GR\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("'name'")));
    }

    @Test
    void aSynchronousBatchAboveTheRowLimitBecomesAJobInsteadOfHoldingTheRequest() throws Exception {
        StringBuilder csv = new StringBuilder("name,kind\n");
        for (int i = 0; i < 1001; i++) {
            csv.append("Plain Trading ").append(i).append(",organisation\n");
        }
        String location = mvc.perform(cast.as(Who.EXPORTER_B, post("/api/v1/screening/batch"), true)
                        .contentType("text/csv")
                        .content(csv.toString()))
                .andExpect(status().isAccepted())
                .andExpect(
                        header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/screening/batch-jobs/")))
                .andExpect(jsonPath("$.total").value(1001))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        JsonNode job = awaitFinished(Who.EXPORTER_B, location);
        assertThat(job.get("status").asString()).isEqualTo("FINISHED");
        assertThat(results(Who.EXPORTER_B, location)).hasSize(1001);
    }
}
