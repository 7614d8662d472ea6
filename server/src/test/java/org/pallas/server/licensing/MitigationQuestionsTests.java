package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.server.PallasTest;
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

/**
 * Questions depend on the risk: the application form and API ask the mitigations the rulebook scores (the end user's
 * oversight body and legal basis, the targeted scope) only when a rule reading them fires on the draft, and what the
 * exporter answers on the form reaches the rulebook.
 */
@PallasTest
class MitigationQuestionsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ProductRegister products;

    @Autowired
    Cases cases;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    /** A tier-3 forensic kit for Dutch police, oversight and scope not stated. */
    private String policeDraft() {
        String kit = cast.registeredProduct(
                products, Who.EXPORTER_A, "Mobile forensic extraction kit", TestCast.FORENSIC_KIT);
        return """
                {"type":"INDIVIDUAL","riskTier":3,"endUseCategory":"LAW_ENFORCEMENT",
                 "details":{
                  "products":[{"productId":"%s","name":"Mobile forensic extraction kit","classification":"CONFIRMED",
                               "controlEntries":["4A005","4D004"]}],
                  "parties":[{"partyId":"EU-1","role":"END_USER","name":"Politie Landelijke Eenheid","countryCode":"NL",
                              "address":"Hoofdstraat 1, Driebergen","endUserType":"POLICE","agencyOrUnit":"Digital forensics"}],
                  "destinations":["NL"],
                  "endUseStatement":"Extraction of data from devices seized under warrant.",
                  "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING"],
                  "quantities":{"seats":2,"concurrentTargets":1,"deployments":1,"updateAndSupportMonths":12}}}
                """.formatted(kit);
    }

    @Test
    void theApiAsksAPoliceEndUserOfAHighRiskItemForItsOversightAndTheTargetedScope() throws Exception {
        UUID id = draft(policeDraft());

        JsonNode questions = json.readTree(api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200))
                .get("questions");

        assertThat(fields(questions)).containsExactly("targetedUse", "parties[0].oversight");
        assertThat(questions.get(0).get("rules").toString()).contains("RF-UNTARGETED-USE");
        assertThat(questions.get(1).get("partyId").asString()).isEqualTo("EU-1");
        assertThat(questions.get(1).get("rules").toString()).contains("RF-OVERSIGHT-UNKNOWN");
        assertThat(questions.get(1).get("text").asString()).contains("Politie Landelijke Eenheid", "legal basis");
    }

    @Test
    void theApiAsksABankBuyingATierTwoPentestFrameworkNoMitigation() throws Exception {
        String redline = cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
        UUID id = draft(LicensingJson.fastTrackDraft(redline, "Rhein Handelsbank AG"));

        JsonNode questions = json.readTree(api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200))
                .get("questions");

        assertThat(questions).isEmpty();
        assertThat(page(Who.EXPORTER_A, get("/applications/" + id + "/edit"), 200))
                .doesNotContain("id=\"oversight-questions\"", "id=\"targeted-questions\"");
    }

    @Test
    void theFormAsksTheMitigationsWhenTheyMatterAndItsAnswersRouteThePoliceCaseToStandardReview() throws Exception {
        UUID id = draft(policeDraft());
        String edit = page(Who.EXPORTER_A, get("/applications/" + id + "/edit"), 200);
        assertThat(edit).contains("id=\"oversight-questions\"", "id=\"targeted-questions\"");

        ApplicationDetails before = cases.draft(cast.caller(Who.EXPORTER_A), id).details();
        MockHttpServletRequestBuilder save = post("/applications/" + id + "/edit")
                .param("productId", before.products().get(0).productId())
                .param("productName", "Mobile forensic extraction kit")
                .param("controlEntries", "4A005, 4D004")
                .param("classification", "CONFIRMED")
                .param("riskTier", "3")
                .param("endUserName", "Politie Landelijke Eenheid")
                .param("endUserCountry", "NL")
                .param("endUserAddress", "Hoofdstraat 1, Driebergen")
                .param("endUserType", "POLICE")
                .param("endUserAgency", "Digital forensics")
                .param("destinations", "NL")
                .param("endUseCategory", "LAW_ENFORCEMENT")
                .param("endUseStatement", "Extraction of data from devices seized under warrant.")
                .param("safeguards", "AUDIT_RIGHTS", "NO_ONWARD_TRANSFER", "LOGGING")
                .param("seats", "2")
                .param("concurrentTargets", "1")
                .param("deployments", "1")
                .param("supportMonths", "12")
                .param("oversight", "YES")
                .param("oversightBody", "Rechter-commissaris (examining magistrate)")
                .param("oversightLegalBasis", "Wetboek van Strafvordering art. 126nba, judicial warrant")
                .param("targets", "4")
                .param("targetKind", "suspects named in a warrant")
                .param("targetMonths", "6");
        page(Who.EXPORTER_A, save, 200);

        ApplicationDetails saved = cases.draft(cast.caller(Who.EXPORTER_A), id).details();
        assertThat(saved.targetedUse().targeted()).isTrue();
        assertThat(saved.parties().get(0).oversight().stated()).isTrue();
        assertThat(saved.undertaking()).as("the undertaking on file is kept").isEqualTo(before.undertaking());
        // Answered, the questions stay on the form with the answers.
        assertThat(page(Who.EXPORTER_A, get("/applications/" + id + "/edit"), 200))
                .contains("id=\"oversight-questions\"", "Rechter-commissaris", "suspects named in a warrant");

        api(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), 200);
        String route = jdbc.sql("select route from licensing_case where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(route).isEqualTo("STANDARD");
    }

    private UUID draft(String body) throws Exception {
        String created = api(
                Who.EXPORTER_A,
                post("/api/v1/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                201);
        UUID id = UUID.fromString(json.readTree(created).get("id").asString());
        api(
                Who.EXPORTER_A,
                put("/api/v1/applications/" + id + "/undertaking")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF),
                200);
        return id;
    }

    private static List<String> fields(JsonNode questions) {
        List<String> fields = new ArrayList<>();
        questions.forEach(q -> fields.add(q.get("field").asString()));
        return fields;
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
}
