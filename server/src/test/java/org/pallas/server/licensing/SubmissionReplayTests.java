package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one submission through the API costs in case replays (each rebuilds the case from all its stored commands)
 * and in time. The timings are printed for docs/benchmarks/licensing.md, not asserted: speed is measured there.
 */
@PallasTest
class SubmissionReplayTests {

    static final int SUBMISSIONS = 20;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ProductRegister products;

    @Autowired
    MeterRegistry meters;

    /** The exporter's penetration-testing framework in its product register (4D004, tier 2). */
    private String redline() {
        return new TestCast(jdbc, tokens)
                .registeredProduct(products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
    }

    @Test
    void submittingThroughTheApiReplaysTheCaseOnce() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        List<Long> micros = new ArrayList<>();
        List<Double> replays = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            String created = mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/applications"), true)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG")))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            UUID id = UUID.fromString(
                    JsonMapper.builder().build().readTree(created).get("id").asString());
            mvc.perform(cast.as(Who.EXPORTER_A, put("/api/v1/applications/" + id + "/undertaking"), true)
                            .contentType(MediaType.APPLICATION_OCTET_STREAM)
                            .content(LicensingJson.PDF))
                    .andExpect(status().isOk());

            double before = replayed();
            long start = System.nanoTime();
            String body = mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), true))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            micros.add((System.nanoTime() - start) / 1_000);
            replays.add(replayed() - before);

            JsonNode submitted = JsonMapper.builder().build().readTree(body);
            assertThat(submitted.get("status").get("status").asString()).isNotEqualTo("DRAFT");
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "submission: %d via the API, replays each %s, p50 %.1f ms, max %.1f ms%n",
                SUBMISSIONS,
                replays.stream().distinct().toList(),
                sorted.get(SUBMISSIONS / 2) / 1000.0,
                sorted.get(SUBMISSIONS - 1) / 1000.0);
        assertThat(replays).containsOnly(1.0);
    }

    private double replayed() {
        return meters.counter("pallas.licensing.case.replays").count();
    }
}
