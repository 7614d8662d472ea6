package org.pallas.server.classification;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The classification JSON API end to end: self-assessment, product register, request and decision. */
@PallasTest
class ClassificationApiTest {

    private static final String ZERO_CLICK_WITH_DELIVERY = """
            {"answers": {"item_kind": ["exploit"], "item_forms": ["software"], "platform_functions": ["deliver", "command_and_control"],
             "evades_monitoring": ["yes"], "defeats_countermeasures": ["yes"], "payload_effects": ["extracts_data", "alters_execution"],
             "published": ["no"], "encryption_cat5p2": ["no"], "target_platforms": ["ios"], "delivery_vectors": ["zero_click"],
             "data_collected": ["messages", "location", "live_audio_video"], "safeguards": ["none"],
             "update_channel": ["vendor_push_with_approval"], "covert": ["yes"], "natural_persons": ["yes"], "ict_data": ["yes"],
             "surveillance_design": ["yes"]}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    private TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        return cast.as(who, request, true);
    }

    @Test
    void assessClassifiesAZeroClickChainWithItsDeliveryPlatformAsFourD004WithACitedExplanation() throws Exception {
        mvc.perform(as(Who.EXPORTER_A, post("/api/v1/classification/assess"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ZERO_CLICK_WITH_DELIVERY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.nextQuestions").isEmpty())
                .andExpect(jsonPath("$.classification.regimes.WA.outcome").value("CONTROLLED"))
                .andExpect(
                        jsonPath("$.classification.regimes.WA.entries[*].code").value(hasItem("4D004")))
                .andExpect(jsonPath("$.classification.regimes.US.entries[0].usReasons")
                        .value(hasItems("NS1", "AT")))
                .andExpect(jsonPath("$.classification.regimes.WA.explanation[*].rules[*]")
                        .value(hasItems("WA-IS-NOTCTRL", "WA-DEF-IS", "WA-4D004")))
                .andExpect(jsonPath("$.classification.euArticle5.state").value("DOES_NOT_APPLY"))
                .andExpect(jsonPath("$.classification.risk.tier").value(4))
                .andExpect(jsonPath("$.classification.referenceDataVersion").isNotEmpty());
    }

    @Test
    void assessAsksOnlyTheQuestionsThatMatterSoFarAndReportsAnswersThatNoLongerApply() throws Exception {
        mvc.perform(as(Who.EXPORTER_B, post("/api/v1/classification/assess"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.nextQuestions[*].id")
                        .value(org.hamcrest.Matchers.contains("item_kind", "item_forms")))
                .andExpect(jsonPath("$.classification.regimes.WA.outcome").value("NEEDS_REVIEW"));

        mvc.perform(as(Who.EXPORTER_B, post("/api/v1/classification/assess"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"answers\":{\"item_kind\":[\"other\"],\"item_forms\":[\"software\"],\"excluded_category\":[\"debugger\"],"
                                        + "\"carrier_class\":[\"yes\"]}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.answers.carrier_class").doesNotExist())
                .andExpect(jsonPath("$.notices[0].field").value("carrier_class"))
                .andExpect(jsonPath("$.classification.regimes.EU.outcome").value("NOT_CONTROLLED"))
                .andExpect(jsonPath("$.classification.regimes.EU.reasonRules").value(hasItem("WA-DEF-IS-X1")));
    }

    @Test
    void assessGivesNoLicenceRequiredForVulnerabilityDisclosureToTheVendorWhenUnsureAboutEvasion() throws Exception {
        mvc.perform(as(Who.EXPORTER_A, post("/api/v1/classification/assess"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"item_kind\":[\"exploit\"],\"item_forms\":[\"technology\"],"
                                + "\"evades_monitoring\":[\"unknown\"],\"defeats_countermeasures\":[\"unknown\"],"
                                + "\"transfer_purpose\":[\"vulnerability_disclosure\"],"
                                + "\"recipient\":[\"affected_vendor\"],\"published\":[\"no\"]}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classification.regimes.EU.outcome").value("NOT_CONTROLLED"))
                .andExpect(jsonPath("$.classification.regimes.EU.openQuestions").isEmpty())
                .andExpect(jsonPath("$.classification.regimes.EU.reasonRules").value(hasItem("WA-4E001-N1")))
                .andExpect(jsonPath("$.classification.regimes.UK.outcome").value("NOT_CONTROLLED"));
    }

    @Test
    void assessRejectsUnknownQuestionsAndOptionsNamingEachField() throws Exception {
        mvc.perform(as(Who.EXPORTER_A, post("/api/v1/classification/assess"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"item_kind\":[\"time_machine\"],\"colour\":[\"blue\"]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("item_kind", "colour")));
    }

    @Test
    void questionnaireAndControlListCarryHelpCitationsAndUnverifiedMarks() throws Exception {
        mvc.perform(as(Who.CIVIL_SOCIETY, get("/api/v1/classification/questionnaire")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("item_kind"))
                .andExpect(jsonPath("$[0].help").isNotEmpty())
                .andExpect(jsonPath("$[0].options[*].id").value(hasItems("exploit", "ip_network_surveillance")));
        mvc.perform(as(Who.CIVIL_SOCIETY, get("/api/v1/control-list")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].code")
                        .value(hasItems("4A005", "4D004", "4E001.c", "5A001.j", "5A001.f")))
                .andExpect(
                        jsonPath("$.entries[?(@.code == '4D004')].citations.EU").isNotEmpty())
                .andExpect(jsonPath("$.notes[?(@.unverified == true)]").isNotEmpty());
    }

    @Test
    void anExporterRegistersRevisesAndSendsAProductAndACaseworkerAmendsTheRating() throws Exception {
        String created = mvc.perform(
                        as(Who.EXPORTER_A, post("/api/v1/products"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"Debugger Pro\",\"reference\":\"DP-1\",\"answers\":{\"item_kind\":[\"other\"]}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(as(Who.EXPORTER_A, post("/api/v1/products/" + id + "/classification-requests"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers"));
        mvc.perform(as(Who.EXPORTER_A, put("/api/v1/products/" + id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"Debugger Pro\",\"reference\":\"DP-1\",\"answers\":{\"item_kind\":[\"other\"],"
                                        + "\"item_forms\":[\"software\"],\"excluded_category\":[\"debugger\"]}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(as(Who.EXPORTER_B, get("/api/v1/products/" + id))).andExpect(status().isNotFound());

        String request = mvc.perform(as(Who.EXPORTER_A, post("/api/v1/products/" + id + "/classification-requests"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"please confirm\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.productVersion").value(2))
                .andExpect(jsonPath("$.proposal.regimes.WA.outcome").value("NOT_CONTROLLED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String requestId = JsonPath.read(request, "$.id");

        mvc.perform(
                        as(Who.CASEWORKER, post("/api/v1/classification-requests/" + requestId + "/decision"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"decision\":\"AMEND\",\"reasons\":\"The debugger ships an exploit module for 4D004 delivery.\","
                                                + "\"rating\":{\"entries\":{\"WA\":[\"4D004\"],\"EU\":[\"4D004\"],\"UK\":[\"4D004\"],\"US\":[\"4D004\"]},\"riskTier\":2}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AMENDED"));

        mvc.perform(as(Who.EXPORTER_A, get("/api/v1/products/" + id + "/rating")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AMENDED"))
                .andExpect(jsonPath("$.productVersion").value(2))
                .andExpect(jsonPath("$.rating.entries.US[0]").value("4D004"))
                .andExpect(jsonPath("$.rating.riskTier").value(2));
        mvc.perform(as(Who.EXPORTER_B, get("/api/v1/products/" + id + "/rating")))
                .andExpect(status().isNotFound());
    }
}
