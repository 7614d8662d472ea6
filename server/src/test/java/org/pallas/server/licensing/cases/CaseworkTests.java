package org.pallas.server.licensing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.RiskContribution;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.LicensingJson;
import org.pallas.server.platform.Labels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The authority's side: queue, case page, assignment, decisions, the licence, and what the exporter then sees. */
@PallasTest
class CaseworkTests {

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

    private String page(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request.with(cast.session(who)).with(csrf()))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String api(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(cast.as(who, request, true))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private UUID submitted(String draftJson) throws Exception {
        String created = api(
                Who.EXPORTER_A,
                post("/api/v1/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draftJson),
                201);
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        api(
                Who.EXPORTER_A,
                put("/api/v1/applications/" + id + "/undertaking")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF),
                200);
        api(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), 200);
        return id;
    }

    private void readyForDecision(UUID id) throws Exception {
        page(Who.CASEWORKER, post("/cases/" + id + "/assign"), 302);
        page(Who.CASEWORKER, post("/cases/" + id + "/checks"), 302);
    }

    private List<String> suggestedConditions(UUID id) {
        return cases.authorityView(cast.caller(Who.CASEWORKER), id)
                .c()
                .routing()
                .orElseThrow()
                .suggestedConditions();
    }

    /** The exporter's penetration-testing framework in its product register (4D004, tier 2). */
    private String redline() {
        return cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
    }

    @Test
    void fastTrackApprovalWithTheSuggestedConditionsIssuesTheLicenceTheExporterThenSees() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG"));
        readyForDecision(id);
        List<String> conditions = suggestedConditions(id);
        int mark = recorded.mark();
        MockHttpServletRequestBuilder decide = post("/cases/" + id + "/decision")
                .param("outcome", "APPROVED")
                .param("reasons", "Legitimate security testing for a bank; fast-track conditions apply.");
        conditions.forEach(c -> decide.param("conditions", c));
        page(Who.CASEWORKER, decide, 302);

        assertThat(recorded.since(mark))
                .extracting(s -> s.change().type())
                .containsExactly("licensing.case.case-finalised", "licensing.licence.issued");
        String exporterView = api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200);
        assertThat(exporterView)
                .contains("\"status\":\"APPROVED\"", "Legitimate security testing for a bank", "\"reference\":\"LIC-");
        assertThat(conditions)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(exporterView).contains(c));
        String casePage = page(Who.CASEWORKER, get("/cases/" + id), 200);
        assertThat(casePage)
                .contains(
                        "<dd id=\"case-status\">Finalised</dd>",
                        "<strong id=\"case-outcome\">Approved</strong>",
                        "LIC-",
                        "CaseFinalised");
    }

    @Test
    void fastTrackApprovalWithoutTheSuggestedConditionsIsRefusedByTheDomain() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG"));
        readyForDecision(id);
        assertThat(cases.authorityView(cast.caller(Who.CASEWORKER), id)
                        .c()
                        .routing()
                        .orElseThrow()
                        .route())
                .isEqualTo(AssessmentRoute.FAST_TRACK);
        assertThat(suggestedConditions(id))
                .as("the assessment suggests conditions for a tier-2 product")
                .isNotEmpty();
        String body = page(
                Who.CASEWORKER,
                post("/cases/" + id + "/decision")
                        .param("outcome", "APPROVED")
                        .param("reasons", "Approve without conditions."),
                400);
        assertThat(body).contains("suggested conditions");
        assertThat(jdbc.sql("select count(*) from licensing_licence where case_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusalCitesCriteriaAndTheExporterSeesThemWithTheAppealDeadline() throws Exception {
        // A bank of its own: this authority's refusal is a prior denial of the party in every later application.
        String bank = "Rhein Bank AG " + UUID.randomUUID().toString().substring(0, 6);
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), bank));
        readyForDecision(id);
        String missing = page(
                Who.CASEWORKER,
                post("/cases/" + id + "/decision").param("outcome", "REFUSED").param("reasons", "Diversion risk."),
                400);
        assertThat(missing).contains("a refusal must cite at least one refusal criterion");
        page(
                Who.CASEWORKER,
                post("/cases/" + id + "/decision")
                        .param("outcome", "REFUSED")
                        .param("reasons", "Risk of diversion to an undesirable end user.")
                        .param("criteria", "UK_C7"),
                302);
        String exporterPage = page(Who.EXPORTER_A, get("/applications/" + id), 200);
        assertThat(exporterPage)
                .contains(
                        "<strong id=\"status\" class=\"tag\">Refused</strong>",
                        "UK-C7",
                        "Risk of diversion to an undesirable end user.",
                        "You may appeal until");
    }

    @Test
    void onlyTheAssignedCaseOfficerDecides() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG"));
        readyForDecision(id);
        page(
                Who.SENIOR_OFFICER,
                post("/cases/" + id + "/decision")
                        .param("outcome", "REFUSED")
                        .param("reasons", "Not my case.")
                        .param("criteria", "UK_C7"),
                403);
        assertThat(cases.authorityView(cast.caller(Who.CASEWORKER), id).c().status())
                .isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    @Test
    void regulatorOnlyAssessmentPartsNeverReachTheExporter() throws Exception {
        String kit = cast.registeredProduct(
                products, Who.EXPORTER_A, "Mobile forensic extraction kit", TestCast.FORENSIC_KIT);
        String government = LicensingJson.enhancedReviewDraft(kit, "Bundesamt Cyberabwehr");
        UUID id = submitted(government);
        var routing = cases.authorityView(cast.caller(Who.CASEWORKER), id)
                .c()
                .routing()
                .orElseThrow();
        List<RiskContribution> internal = routing.contributions().stream()
                .filter(RiskContribution::internal)
                .toList();
        assertThat(internal)
                .as("a government end user of a tier-3 product raises party findings")
                .isNotEmpty();

        String casePage = page(Who.CASEWORKER, get("/cases/" + id), 200);
        String exporterApi = api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200);
        String exporterPage = page(Who.EXPORTER_A, get("/applications/" + id), 200);
        for (RiskContribution k : internal) {
            assertThat(casePage).contains(k.ruleId());
            assertThat(exporterApi).doesNotContain(k.ruleId());
            assertThat(exporterPage).doesNotContain(k.ruleId());
        }
        String route = new Labels().of(routing.route());
        assertThat(casePage).contains("<dd id=\"case-route\">" + route + "</dd>", "Automated assessment");
        assertThat(exporterApi).doesNotContain(routing.route().name(), "score", "routeBasis", "caseOfficer");
        assertThat(exporterPage)
                .doesNotContain("Automated assessment", routing.route().name(), route);
    }

    @Test
    void queueFiltersByRouteAndStateAndCountsWorkingDaysInQueue() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG"));
        String reference = cases.authorityView(cast.caller(Who.CASEWORKER), id).reference();
        assertThat(page(
                        Who.CASEWORKER,
                        get("/cases").param("route", "FAST_TRACK").param("status", "INITIAL_CHECKS"),
                        200))
                .contains(reference, "Working days in queue");
        assertThat(page(Who.CASEWORKER, get("/cases").param("route", "HARD_STOP"), 200))
                .doesNotContain(reference);
        assertThat(page(Who.CASEWORKER, get("/cases").param("status", "UNDER_REVIEW"), 200))
                .doesNotContain(reference);
        var queue = new CaseQueries(jdbc, java.time.Clock.systemUTC())
                .queue(cast.caller(Who.CASEWORKER), AssessmentRoute.FAST_TRACK, CaseStatus.INITIAL_CHECKS, 1);
        assertThat(queue.items())
                .filteredOn(r -> r.id().equals(id))
                .singleElement()
                .satisfies(r -> assertThat(r.workingDaysInQueue()).isZero());
    }
}
