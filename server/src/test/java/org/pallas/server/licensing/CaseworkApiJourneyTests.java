package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.Users;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case-working API drives one application through every authority step with no web form (issue #19, "done
 * when"): the exporter files and submits over the API, then assignment, initial checks, an information request and
 * its answer, advice from every team, consolidation, a note, a refusal sent back and made again, the countersignature,
 * the appeal with its officer and decision (the licence issues), and the licence suspended, reinstated and revoked.
 * Every request goes to {@code /api/v1}; the steps between them use every case action the OpenAPI document lists.
 * This test is the "script in the repository" that drives one application over the API only (0 web-form
 * steps): it runs in the normal server test suite ({@code ./mvnw -pl server -am verify}), and so in CI.
 */
@PallasTest
class CaseworkApiJourneyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    @Autowired
    RecordedChanges recorded;

    @Autowired
    ProductRegister products;

    TestCast cast;

    /** The API operations the journey used, as "POST /api/v1/cases/{id}/decision". */
    private final Set<String> used = new LinkedHashSet<>();

    /** Every request the journey made, to show that none went to a web page. */
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private MockHttpServletResponse send(String who, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header("Authorization", "Bearer " + cast.token(who)))
                .andReturn()
                .getResponse();
        return response;
    }

    /** A request to the API as {@code who}; its answer must have the expected status. */
    private JsonNode api(String who, String method, String path, String body, int expected) throws Exception {
        MockHttpServletRequestBuilder request = switch (method) {
            case "GET" -> get(path);
            case "PUT" -> put(path);
            default -> post(path);
        };
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        requests.add(method + " " + path);
        used.add(method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
        MockHttpServletResponse response = send(who, request);
        assertThat(response.getStatus())
                .as(who + " " + method + " " + path + " -> " + response.getContentAsString())
                .isEqualTo(expected);
        String text = response.getContentAsString();
        return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    private JsonNode act(String who, String caseId, String action, String body) throws Exception {
        return api(who, "POST", "/api/v1/cases/" + caseId + "/" + action, body, 200);
    }

    /**
     * An enhanced-review application filed and submitted over the API: the register's tier-3 forensic kit for a
     * government end user stated not to be under independent oversight (human-rights advice required).
     */
    private String submittedEnhancedReview(String endUser) throws Exception {
        String kit = cast.registeredProduct(
                products, Who.EXPORTER_A, "Mobile forensic extraction kit", TestCast.FORENSIC_KIT);
        String draft = LicensingJson.enhancedReviewDraft(kit, endUser);
        String id = api("northbridge.lee", "POST", "/api/v1/applications", draft, 201)
                .get("id")
                .asString();
        requests.add("PUT /api/v1/applications/" + id + "/undertaking");
        assertThat(send(
                                "northbridge.lee",
                                put("/api/v1/applications/" + id + "/undertaking")
                                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                                        .content(LicensingJson.PDF))
                        .getStatus())
                .isEqualTo(200);
        api("northbridge.lee", "POST", "/api/v1/applications/" + id + "/submit", null, 200);
        return id;
    }

    @Test
    void oneApplicationGoesThroughEveryAuthorityStepOverTheApiAlone() throws Exception {
        // An agency of its own: this authority's refusal is a prior denial of the party in every later application.
        String agency = "Bundesamt Cyberabwehr " + UUID.randomUUID().toString().substring(0, 6);
        String id = submittedEnhancedReview(agency);
        String officer = "caseworker";

        JsonNode c = api(officer, "GET", "/api/v1/cases/" + id, null, 200);
        assertThat(c.get("status").asString()).isEqualTo("INITIAL_CHECKS");
        assertThat(c.get("route").asString()).isEqualTo("ENHANCED_REVIEW");
        assertThat(c.get("assessment").get("rulebookVersion").asString()).startsWith("rulebook ");
        assertThat(c.get("assessment").get("score").asInt()).isPositive();
        assertThat(c.get("contributions").valueStream().map(k -> k.get("ruleId").asString()))
                .isNotEmpty();
        assertThat(c.get("contributions")
                        .valueStream()
                        .flatMap(k -> k.get("citations").valueStream()))
                .as("the rules' regulation citations")
                .isNotEmpty();
        assertThat(c.get("details").get("parties").get(0).get("name").asString())
                .isEqualTo(agency);
        assertThat(c.get("serviceLevel").get("targetWorkingDays").asInt()).isEqualTo(20);
        assertThat(c.get("serviceLevel").get("started").asBoolean()).isTrue();
        JsonNode queue = api(officer, "GET", "/api/v1/cases?route=ENHANCED_REVIEW&sort=SUBMITTED", null, 200);
        assertThat(queue.get("total").asLong()).isPositive();
        assertThat(queue.get("items").valueStream().map(r -> r.get("route").asString()))
                .containsOnly("ENHANCED_REVIEW");

        // A senior officer assigns the case to an officer; the officer then takes it themselves as well.
        c = act("senior", id, "assignment", "{\"officer\":\"" + cast.userId("caseworker.two") + "\"}");
        assertThat(c.get("caseOfficerId").asString())
                .isEqualTo(cast.userId("caseworker.two").toString());
        c = act(officer, id, "assign", null);
        assertThat(c.get("caseOfficerId").asString())
                .isEqualTo(cast.userId(officer).toString());
        c = act(officer, id, "checks", null);
        assertThat(c.get("status").asString()).isEqualTo("UNDER_REVIEW");

        c = act(officer, id, "information-request", "{\"question\":\"Which unit operates the tool?\"}");
        assertThat(c.get("status").asString()).isEqualTo("INFORMATION_REQUESTED");
        assertThat(c.get("serviceLevel").get("paused").asBoolean()).isTrue();
        api(
                "northbridge.lee",
                "POST",
                "/api/v1/applications/" + id + "/information-response",
                "{\"answer\":\"Abteilung 3, under judicial warrant.\"}",
                200);
        c = api(officer, "GET", "/api/v1/cases/" + id, null, 200);
        assertThat(c.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(c.get("informationRequests").get(0).get("answer").asString())
                .isEqualTo("Abteilung 3, under judicial warrant.");

        c = act(officer, id, "advice-request", "{\"teams\":[\"DEFENCE\"],\"reason\":\"Government end user; tier 3.\"}");
        assertThat(c.get("status").asString()).isEqualTo("AWAITING_ADVICE");
        assertThat(c.get("outstandingAdvice").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("HUMAN_RIGHTS", "NATIONAL_SECURITY", "DEFENCE");
        act(
                "adviser.hr",
                id,
                "advice",
                "{\"type\":\"APPROVE_WITH_CONDITIONS\",\"reasoning\":\"Oversight is adequate.\","
                        + "\"conditions\":[\"Quarterly audit report to the authority\"]}");
        act("adviser.ns", id, "advice", "{\"type\":\"APPROVE\",\"reasoning\":\"No concern.\"}");
        c = act(
                "adviser.def",
                id,
                "advice",
                "{\"type\":\"REFUSE\",\"reasoning\":\"Diversion risk.\",\"criteria\":[\"UK_C7\"]}");
        assertThat(c.get("status").asString()).isEqualTo("ADVICE_CONSOLIDATION");
        assertThat(c.get("advice")).hasSize(3);
        c = act(officer, id, "consolidation", "{\"summary\":\"Defence advises refusal on diversion risk.\"}");
        assertThat(c.get("status").asString()).isEqualTo("UNDER_REVIEW");
        c = act(officer, id, "notes", "{\"text\":\"Spoke to the defence adviser.\"}");
        assertThat(c.get("internalNotes").get(0).get("text").asString()).isEqualTo("Spoke to the defence adviser.");

        String refusal = "{\"outcome\":\"REFUSED\",\"reasons\":\"Risk of diversion.\",\"criteria\":[\"UK_C7\"]}";
        c = act(officer, id, "decision", refusal);
        assertThat(c.get("status").asString()).isEqualTo("AWAITING_COUNTERSIGNATURE");
        c = act("senior", id, "countersignature", "{\"verdict\":\"SEND_BACK\",\"reasons\":\"Cite the evidence.\"}");
        assertThat(c.get("status").asString()).isEqualTo("UNDER_REVIEW");
        act(officer, id, "decision", refusal.replace("Risk of diversion.", "Risk of diversion (defence evidence)."));
        c = act("senior", id, "countersignature", "{\"verdict\":\"COUNTERSIGN\",\"reasons\":\"Agree.\"}");
        assertThat(c.get("status").asString()).isEqualTo("FINALISED");
        assertThat(c.get("decision").get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(c.get("serviceLevel").get("stopped").asBoolean()).isTrue();
        assertThat(!c.has("licence")).isTrue();

        api(
                "northbridge.lee",
                "POST",
                "/api/v1/applications/" + id + "/appeal",
                "{\"grounds\":\"The unit works under judicial warrant.\"}",
                200);
        c = api("senior", "GET", "/api/v1/cases/" + id, null, 200);
        assertThat(c.get("status").asString()).isEqualTo("UNDER_APPEAL");
        UUID second = cast.userId("caseworker.two");
        assertThat(c.get("eligibleAppealOfficers")
                        .valueStream()
                        .map(o -> o.get("id").asString()))
                .as("the officers who refused are not offered; the demo's second caseworker is")
                .contains(second.toString())
                .doesNotContain(
                        cast.userId(officer).toString(), cast.userId("senior").toString());
        c = act("senior", id, "appeal-officer", "{\"officer\":\"" + second + "\"}");
        assertThat(c.get("appeal").get("officerId").asString()).isEqualTo(second.toString());
        c = act(
                "caseworker.two",
                id,
                "appeal-decision",
                "{\"outcome\":\"APPROVED\",\"reasons\":\"The warrant answers the diversion risk.\"}");
        assertThat(c.get("status").asString()).isEqualTo("APPEAL_DECIDED");
        assertThat(c.get("licence").get("status").asString()).isEqualTo("ISSUED");

        c = act(officer, id, "licence/suspension", "{\"reason\":\"Misuse reported; investigating.\"}");
        assertThat(c.get("licence").get("status").asString()).isEqualTo("SUSPENDED");
        c = act("senior", id, "licence/reinstatement", "{\"reason\":\"Report unfounded.\"}");
        assertThat(c.get("licence").get("status").asString()).isEqualTo("REINSTATED");
        c = act("senior", id, "licence/revocation", "{\"reason\":\"Confirmed misuse.\"}");
        assertThat(c.get("licence").get("status").asString()).isEqualTo("REVOKED");

        assertThat(requests).as("no web-form step").allMatch(r -> r.split(" ")[1].startsWith("/api/v1/"));
        Set<String> documented = documentedCaseActions();
        assertThat(documented).hasSizeGreaterThanOrEqualTo(15);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(used);
        assertThat(missing)
                .as("documented case actions the journey did not take")
                .isEmpty();
        // Every step is on the ledger as the web form's would be: the same typed events, one per change.
        assertThat(jdbc.sql("select count(*) from licensing_case_transition where case_id = cast(:id as uuid)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(20);
    }

    /** The POST operations under /api/v1/cases/{id}/ that the OpenAPI document lists. */
    private Set<String> documentedCaseActions() throws Exception {
        JsonNode doc = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        Set<String> actions = new TreeSet<>();
        doc.path("paths").properties().forEach(p -> {
            if (p.getKey().startsWith("/api/v1/cases/{id}/") && p.getValue().has("post")) {
                actions.add("POST " + p.getKey());
            }
        });
        return actions;
    }

    @Test
    void theOfficerWhoDecidedIsRefusedTheCountersignatureOverTheApiEvenHoldingTheSeniorRole() throws Exception {
        String both = cast.newUser(users, "caseworker", "pallas-demo-2026", Role.CASEWORKER, Role.SENIOR_OFFICER);
        String id = submittedEnhancedReview("Bundesamt Cyberabwehr");
        act(both, id, "assign", null);
        act(both, id, "checks", null);
        act(both, id, "advice-request", "{\"reason\":\"Tier 3.\"}");
        for (String adviser : List.of("adviser.hr", "adviser.ns", "adviser.def")) {
            act(adviser, id, "advice", "{\"type\":\"APPROVE\",\"reasoning\":\"Fine.\"}");
        }
        act(both, id, "consolidation", "{\"summary\":\"All approve.\"}");
        act(both, id, "decision", "{\"outcome\":\"APPROVED\",\"reasons\":\"Adequate.\"}");

        MockHttpServletResponse refused = send(
                both,
                post("/api/v1/cases/" + id + "/countersignature")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"COUNTERSIGN\",\"reasons\":\"Mine.\"}"));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode c = api("senior", "GET", "/api/v1/cases/" + id, null, 200);
        assertThat(c.get("status").asString()).isEqualTo("AWAITING_COUNTERSIGNATURE");
        assertThat(c.get("countersignatures")).isEmpty();
        assertThat(!c.has("licence")).isTrue();
    }

    @Test
    void callersOutsideTheCaseAreAnsweredNotFoundOrForbiddenAndBadBodiesNameTheField() throws Exception {
        String id = submittedEnhancedReview("Bundesamt Cyberabwehr");
        // An adviser whose team was never asked reads nothing of the case: 404, as if it did not exist.
        api("adviser.hr", "GET", "/api/v1/cases/" + id, null, 404);
        api("adviser.hr", "POST", "/api/v1/cases/" + id + "/notes", "{\"text\":\"x\"}", 404);
        api("caseworker", "GET", "/api/v1/cases/" + UUID.randomUUID(), null, 404);
        // Exporters, even the applicant, never see the authority's case.
        api("northbridge.lee", "GET", "/api/v1/cases/" + id, null, 403);
        api("calder.weber", "GET", "/api/v1/cases", null, 403);
        api("northbridge.lee", "POST", "/api/v1/cases/" + id + "/assign", null, 403);
        // A caseworker is not a senior officer: no appeal assignment, whoever they name.
        api(
                "caseworker",
                "POST",
                "/api/v1/cases/" + id + "/appeal-officer",
                "{\"officer\":\"" + UUID.randomUUID() + "\"}",
                403);

        JsonNode problem =
                api("caseworker", "POST", "/api/v1/cases/" + id + "/information-request", "{\"question\":\"\"}", 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("question");
        problem = api(
                "caseworker",
                "POST",
                "/api/v1/cases/" + id + "/decision",
                "{\"outcome\":\"MAYBE\",\"reasons\":\"x\"}",
                400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        // The domain's state rules answer 400 naming the case: nothing to consolidate before advice was asked.
        problem = api("caseworker", "POST", "/api/v1/cases/" + id + "/consolidation", "{\"summary\":\"x\"}", 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("case");
        assertThat(api("caseworker", "GET", "/api/v1/cases/" + id, null, 200)
                        .get("status")
                        .asString())
                .isEqualTo("INITIAL_CHECKS");
    }

    @Test
    void anAppealCannotGoToAnOfficerWhoRefusedOrToSomeoneWhoIsNoOfficer() throws Exception {
        // An agency of its own: this authority's refusal is a prior denial of the party in every later application.
        String id = submittedEnhancedReview(
                "Bundesamt Cyberabwehr " + UUID.randomUUID().toString().substring(0, 6));
        act("caseworker", id, "assign", null);
        act("caseworker", id, "checks", null);
        act("caseworker", id, "advice-request", "{\"reason\":\"Tier 3.\"}");
        for (String adviser : List.of("adviser.hr", "adviser.ns", "adviser.def")) {
            act(adviser, id, "advice", "{\"type\":\"NO_VIEW\",\"reasoning\":\"No view.\"}");
        }
        act("caseworker", id, "consolidation", "{\"summary\":\"No views.\"}");
        act("caseworker", id, "decision", "{\"outcome\":\"REFUSED\",\"reasons\":\"Risk.\",\"criteria\":[\"UK_C7\"]}");
        act("senior", id, "countersignature", "{\"verdict\":\"COUNTERSIGN\",\"reasons\":\"Agree.\"}");
        api("northbridge.lee", "POST", "/api/v1/applications/" + id + "/appeal", "{\"grounds\":\"Warrant.\"}", 200);

        for (String who : List.of("caseworker", "senior", "adviser.hr")) {
            JsonNode problem = api(
                    "senior",
                    "POST",
                    "/api/v1/cases/" + id + "/appeal-officer",
                    "{\"officer\":\"" + cast.userId(who) + "\"}",
                    400);
            assertThat(problem.toString()).as(who).contains("officer");
        }
        JsonNode c = api("senior", "GET", "/api/v1/cases/" + id, null, 200);
        assertThat(!c.get("appeal").has("officerId")).as("nothing assigned").isTrue();

        // The case page offers the eligible officer and no one who refused.
        String page = mvc.perform(get("/cases/" + id).with(cast.session(TestCast.Who.SENIOR_OFFICER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Ewa Kowalska").doesNotContain("id=\"no-appeal-officer\"");
    }

    @Test
    void everyCasePageShowsTheServiceLevelFigureTheApiGives() throws Exception {
        String id = submittedEnhancedReview("Bundesamt Cyberabwehr");
        act("caseworker", id, "assign", null);
        act("caseworker", id, "information-request", "{\"question\":\"Which unit?\"}");
        JsonNode sla =
                api("caseworker", "GET", "/api/v1/cases/" + id, null, 200).get("serviceLevel");
        String figure = sla.get("workingDaysUsed").asInt() + " of 20 working days used";

        String authority = mvc.perform(get("/cases/" + id).with(cast.session(TestCast.Who.CASEWORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(authority)
                .contains("id=\"case-service-level\"", figure, "id=\"sla-paused\"")
                .contains("the clock is stopped until the applicant answers");
        String oversight = mvc.perform(get("/cases/" + id).with(cast.session(TestCast.Who.OVERSIGHT)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(oversight).contains("id=\"case-service-level\"", figure);
        String exporter = mvc.perform(get("/applications/" + id).with(cast.session(TestCast.Who.EXPORTER_A)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(exporter).contains("id=\"case-service-level\"", figure, "paused 0 working days");
    }
}
