package org.pallas.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The batch screening page: upload, background job with progress in PostgreSQL, results, downloads, isolation. */
@PallasTest
class BatchScreeningTests {

    @Autowired
    RestrictedLists lists;

    @Autowired
    BatchScreenings batches;

    @Autowired
    Searches searches;

    @Autowired
    RecordedChanges recorded;

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

    private UUID upload(Who who, String fileName, String content) throws Exception {
        String location = mvc.perform(multipart("/screening/batch")
                        .file(new MockMultipartFile(
                                "file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
                        .with(cast.session(who))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/screening/batch/");
        return UUID.fromString(location.substring("/screening/batch/".length()));
    }

    private BatchScreenings.Job awaitFinished(Who who, UUID id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BatchScreenings.Job job = batches.find(cast.caller(who), id);
            if (!job.running()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not finish in a minute");
    }

    @Test
    void uploadedCsvIsScreenedInTheBackgroundWithMalformedLinesReportedAndResultsDownloadable() throws Exception {
        int mark = recorded.mark();
        String csv = "name,kind,country,birthDate\nIntelexa,organisation,,\n\"Cytrox, AD\",organisation,MK,\n"
                + "Tal Dilian,person,,19xx\n\nunterminated \"quote,person,,\nJane Plainname,person,GB,1980\n";
        UUID id = upload(Who.EXPORTER_A, "customers.csv", csv);

        BatchScreenings.Job job = awaitFinished(Who.EXPORTER_A, id);
        assertThat(job.status()).isEqualTo(BatchScreenings.BatchStatus.FINISHED);
        assertThat(job.total()).isEqualTo(5);
        assertThat(job.done()).isEqualTo(5);
        assertThat(job.errors()).isEqualTo(2);
        assertThat(job.alerts()).isGreaterThanOrEqualTo(1);

        List<BatchScreenings.Result> results = batches.results(cast.caller(Who.EXPORTER_A), id);
        assertThat(results).extracting(BatchScreenings.Result::line).containsExactly(2, 3, 4, 6, 7);
        assertThat(results.get(0).bestMatch().toLowerCase(Locale.ROOT)).contains("intellexa");
        assertThat(results.get(0).alert()).isTrue();
        assertThat(results.get(0).explanation()).isNotEmpty();
        assertThat(results.get(0).listVersions()).isNotEmpty();
        assertThat(results.get(2).error()).contains("date");
        assertThat(results.get(3).error()).contains("unterminated quote");

        String page = mvc.perform(get("/screening/batch/" + id).with(cast.session(Who.EXPORTER_A)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Refresh"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("5</span> of <span id=\"rows-total\">5")
                .contains("batch-results")
                .contains("Malformed")
                .containsIgnoringCase("intellexa")
                .contains("results.ndjson")
                .contains("results.csv");

        String ndjson = mvc.perform(
                        get("/screening/batch/" + id + "/results.ndjson").with(cast.session(Who.EXPORTER_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> lines = ndjson.lines().map(json::readTree).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("alert").asBoolean()).isTrue();
        assertThat(lines.get(0).get("listVersions").size()).isPositive();
        assertThat(lines.get(2).get("error").asString()).contains("date");

        String csvOut = mvc.perform(
                        get("/screening/batch/" + id + "/results.csv").with(cast.session(Who.EXPORTER_A)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvOut.lines().toList()).hasSize(6);
        assertThat(csvOut.lines().toList().get(2)).startsWith("3,\"Cytrox, AD\"");

        assertThat(searches.history(cast.caller(Who.EXPORTER_A)))
                .anyMatch(h -> h.id().equals(id)
                        && h.kind().equals("BATCH")
                        && h.name().contains("customers.csv")
                        && h.alerts() == job.alerts());
        assertThat(recorded.since(mark))
                .anyMatch(s -> s.change().type().equals("screening.search.performed")
                        && s.change().subjectId().equals(id.toString())
                        && s.inTransaction());
    }

    @Test
    void anotherOrganisationsJobAnswers404() throws Exception {
        UUID id = upload(Who.EXPORTER_A, "mine.ndjson", "{\"name\":\"Intelexa\",\"kind\":\"organisation\"}\n");
        awaitFinished(Who.EXPORTER_A, id);
        for (String path : List.of("", "/results.ndjson", "/results.csv")) {
            mvc.perform(get("/screening/batch/" + id + path).with(cast.session(Who.EXPORTER_B)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/screening/batch/" + id + path).with(cast.session(Who.CASEWORKER)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/screening/batch/" + id).with(cast.session(Who.EXPORTER_A)))
                .andExpect(status().isOk());
    }

    @Test
    void runningJobPageRefreshesItselfAndShowsProgress() throws Exception {
        UUID id = UUID.randomUUID();
        var a = cast.caller(Who.EXPORTER_A);
        jdbc.sql("""
                insert into screening_batch_job (id, organisation_id, user_id, created_at, file_name, total, done, alerts)
                values (:id, :org, :user, now(), 'big.csv', 1000, 250, 3)""")
                .param("id", id)
                .param("org", a.organisationId())
                .param("user", a.userId())
                .update();
        String page = mvc.perform(get("/screening/batch/" + id).with(cast.session(Who.EXPORTER_A)))
                .andExpect(status().isOk())
                .andExpect(header().string("Refresh", "2"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("<span id=\"rows-done\">250</span>")
                .contains("<span id=\"alerts-so-far\">3</span>")
                .contains("(<span>25</span>%)")
                .doesNotContain("batch-results");
        jdbc.sql("delete from screening_batch_job where id = :id")
                .param("id", id)
                .update();
    }

    @Test
    void fileWithoutNameColumnOrTooManyRowsIsRefusedWithAFieldError() throws Exception {
        String page = mvc.perform(multipart("/screening/batch")
                        .file(new MockMultipartFile(
                                "file", "bad.csv", "text/csv", "who,kind\nX,person\n".getBytes(StandardCharsets.UTF_8)))
                        .with(cast.session(Who.EXPORTER_B))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("There is a problem").contains("must name a &#39;name&#39; column");
        String none = mvc.perform(multipart("/screening/batch")
                        .with(cast.session(Who.EXPORTER_B))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("Choose a CSV or NDJSON file");
    }
}
