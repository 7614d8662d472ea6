package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseStatus;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.cases.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PallasTest
class ApplicationsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ProductRegister products;

    @Autowired
    RecordedChanges recorded;

    @Autowired
    Cases cases;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        return cast.as(who, request, true);
    }

    private JsonNode json(MockHttpServletRequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private UUID createComplete(String endUser) throws Exception {
        JsonNode created = json(
                as(Who.EXPORTER_A, post("/api/v1/applications"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LicensingJson.fastTrackDraft(redline(), endUser)),
                201);
        UUID id = UUID.fromString(created.get("id").asString());
        mvc.perform(as(Who.EXPORTER_A, put("/api/v1/applications/" + id + "/undertaking"))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF))
                .andExpect(status().isOk());
        return id;
    }

    /** The exporter's penetration-testing framework in its product register (4D004, tier 2). */
    private String redline() {
        return cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
    }

    @Test
    void draftIsSavedWithFieldLevelProblemsAndKeptAcrossRequests() throws Exception {
        JsonNode created = json(
                as(Who.EXPORTER_A, post("/api/v1/applications"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"INDIVIDUAL\"}"),
                201);
        String id = created.get("id").asString();
        assertThat(created.get("reference").asString()).matches("PAL-\\d{4}-\\d{6}");

        JsonNode draft = json(as(Who.EXPORTER_A, get("/api/v1/applications/" + id)), 200);
        assertThat(draft.get("status").get("status").asString()).isEqualTo("DRAFT");
        List<String> fields = draft.get("problems")
                .valueStream()
                .map(p -> p.get("field").asString())
                .toList();
        assertThat(fields)
                .contains("products", "destinations", "endUseStatement", "undertaking", "riskTier", "endUseCategory");

        json(
                as(Who.EXPORTER_A, put("/api/v1/applications/" + id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG")
                                .replace("\"DE\"]", "\"DE\",\"zz\"]")),
                200);
        JsonNode saved = json(as(Who.EXPORTER_A, get("/api/v1/applications/" + id)), 200);
        assertThat(saved.get("details").get("parties").get(0).get("name").asString())
                .isEqualTo("Rhein Bank AG");
        assertThat(saved.get("problems").toString()).contains("'zz' is not an ISO 3166-1 alpha-2 country code");

        mvc.perform(as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'undertaking')]").exists());
    }

    @Test
    void submissionRunsTheAssessmentAndPlacesTheCaseOnItsRouteWithOneRecordPerChange() throws Exception {
        UUID id = createComplete("Rhein Bank AG");
        int mark = recorded.mark();
        JsonNode submitted = json(as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit")), 200);

        assertThat(submitted.get("status").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("status").get("currentVersion").asInt()).isEqualTo(1);
        var all = recorded.since(mark);
        // Submission also registers the end user in the screening party register (re-screened on list changes).
        assertThat(all).extracting(s -> s.change().type()).contains("screening.party.created");
        var changes = all.stream()
                .filter(s -> s.change().type().startsWith("licensing."))
                .toList();
        assertThat(changes)
                .extracting(s -> s.change().type())
                .containsExactly("licensing.case.application-submitted", "licensing.case.case-routed");
        assertThat(changes).allMatch(RecordedChanges.Seen::inTransaction);
        assertThat(changes.get(1).change().publicMetadata())
                .containsEntry("route", "FAST_TRACK")
                .containsEntry("to", "INITIAL_CHECKS");
        assertThat(changes.get(1).change().actorUserId())
                .as("routing is done by the system")
                .isNull();

        String route = jdbc.sql("select route from licensing_case where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(route).isEqualTo("FAST_TRACK");
        assertThat(jdbc.sql("select count(*) from licensing_application_version where case_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select to_status from licensing_case_transition where case_id = :id order by seq")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("DRAFT", "DRAFT", "SUBMITTED", "INITIAL_CHECKS");
    }

    @Test
    void aSanctionedEndUserIsPlacedOnTheHardStopRoute() throws Exception {
        UUID id = createComplete("Sanctioned Systems LLC");
        json(as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit")), 200);
        assertThat(jdbc.sql("select route from licensing_case where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("HARD_STOP");
    }

    @Test
    void anotherExporterGetsNotFoundAndCannotChangeOrSubmit() throws Exception {
        UUID id = createComplete("Rhein Bank AG");
        mvc.perform(as(Who.EXPORTER_B, get("/api/v1/applications/" + id)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(Who.EXPORTER_B, post("/api/v1/applications/" + id + "/submit")))
                .andExpect(status().isNotFound());
        mvc.perform(as(Who.EXPORTER_B, put("/api/v1/applications/" + id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"INDIVIDUAL\"}"))
                .andExpect(status().isNotFound());
        String list = mvc.perform(as(Who.EXPORTER_B, get("/api/v1/applications")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(id.toString());
        mvc.perform(as(Who.CASEWORKER, get("/api/v1/applications/" + id))).andExpect(status().isForbidden());
    }

    @Test
    void undertakingTypeIsJudgedByContentNotByTheDeclaredType() throws Exception {
        UUID id = createComplete("Rhein Bank AG");
        mvc.perform(as(Who.EXPORTER_A, put("/api/v1/applications/" + id + "/undertaking"))
                        .contentType(MediaType.APPLICATION_PDF)
                        .content("MZ not really a pdf".getBytes()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("undertaking"));
    }

    @Test
    void anUndertakingUpTo10MbIsAcceptedOverTheApiAndALargerOneIsRefusedNamingTheField() throws Exception {
        UUID id = createComplete("Rhein Bank AG");
        mvc.perform(as(Who.EXPORTER_A, put("/api/v1/applications/" + id + "/undertaking"))
                        .contentType(MediaType.APPLICATION_PDF)
                        .content(pdfOf(9 * 1024 * 1024 + 512 * 1024)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.sizeBytes").value(9 * 1024 * 1024 + 512 * 1024));
        mvc.perform(as(Who.EXPORTER_A, put("/api/v1/applications/" + id + "/undertaking"))
                        .contentType(MediaType.APPLICATION_PDF)
                        .content(pdfOf(10 * 1024 * 1024 + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("undertaking"));
        mvc.perform(as(Who.EXPORTER_A, put("/api/v1/applications/" + id + "/undertaking"))
                        .contentType(MediaType.APPLICATION_PDF)
                        .content(pdfOf(12 * 1024 * 1024)))
                .andExpect(status().isPayloadTooLarge());
    }

    /** A PDF of the given size: the PDF header, then padding. */
    private static byte[] pdfOf(int size) {
        byte[] pdf = new byte[size];
        java.util.Arrays.fill(pdf, (byte) ' ');
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        return pdf;
    }

    @Test
    void caseIsRebuiltFromStorageExactlyAsItWasChanged() throws Exception {
        UUID id = createComplete("Rhein Bank AG");
        json(as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit")), 200);
        var loaded = cases.authorityView(cast.caller(Who.CASEWORKER), id);
        assertThat(loaded.c().status()).isEqualTo(CaseStatus.INITIAL_CHECKS);
        assertThat(loaded.c().history()).hasSize(4);
        assertThat(loaded.c().application().current().details().undertaking().mediaType())
                .isEqualTo("application/pdf");
        assertThat(loaded.c().routing().orElseThrow().route()).isEqualTo(AssessmentRoute.FAST_TRACK);
    }
}
