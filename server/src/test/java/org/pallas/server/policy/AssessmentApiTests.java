package org.pallas.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.policy.DueDiligenceQuestion;
import org.pallas.policy.RuleCatalogue;
import org.pallas.policy.Rulebook;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.screening.RestrictedLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/assessments} and {@code GET /api/v1/rulebook} end to end: facts in, cited assessment out. */
@PallasTest
class AssessmentApiTests {

    private static final String BANK_PENTEST = """
            {"reference":"%s","asOf":"%s",
             "product":{"name":"RedLedger adversary simulation","classifications":[{"regime":"EU","entry":"4D004"}],
                        "riskTier":2,"vendor":"RedLedger","family":"RedLedger","capabilities":[]},
             "parties":[{"role":"EXPORTER","name":"Albion Cyber Ltd","country":"GB"},
                        {"role":"END_USER","name":"%s","country":"%s","endUserType":"COMMERCIAL",
                         "agency":"Security operations","sector":"FINANCIAL"}],
             "destinations":["%s"],
             "endUse":{"category":"PENETRATION_TESTING","statement":"Red-team testing of the bank's own systems",
                       "targeted":true}}
            """;
    private static final String EXPLOIT_CHAIN_TO_INTELLIGENCE = """
            {"reference":"deal-7","asOf":"2026-11-27",
             "product":{"name":"Nimbus zero-click iOS chain","classifications":[{"regime":"EU","entry":"4D004"},
                        {"regime":"EU","entry":"4E001.c"}],"riskTier":4,"vendor":"Nimbus Offensive","family":"Nimbus",
                        "capabilities":["ZERO_CLICK","COVERT_SURVEILLANCE","PERSISTENCE"]},
             "parties":[{"role":"EXPORTER","name":"Albion Cyber Ltd","country":"GB"},
                        {"role":"END_USER","name":"State Security Directorate","country":"EG",
                         "endUserType":"SECURITY_INTELLIGENCE","sector":"GOVERNMENT"}],
             "endUse":{"category":"INTELLIGENCE","statement":"Collection against serious-crime targets","targeted":true}}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestrictedLists lists;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Rulebooks rulebooks;

    private TestCast cast;

    @BeforeEach
    void cast() throws InterruptedException {
        // Parties are screened against the lists in use: wait for the start-up load.
        assertThat(lists.awaitLoaded(Duration.ofMinutes(3))).isTrue();
        cast = new TestCast(jdbc, tokens);
    }

    private static String bank(String endUser, String country, String asOf) {
        return BANK_PENTEST.formatted("deal-1", asOf, endUser, country, country);
    }

    private ResultActions assess(Who who, String json) throws Exception {
        return mvc.perform(cast.as(
                who,
                post("/api/v1/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                true));
    }

    @Test
    void fastTracksPenetrationTestingForABankInALowRiskDestinationAndScreensItsParties() throws Exception {
        Rulebook active = rulebooks.active();
        assess(Who.EXPORTER_A, bank("Rhein Handelsbank AG", "DE", "2026-11-27"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.route").value("FAST_TRACK"))
                .andExpect(jsonPath("$.assessment.reference").value("deal-1"))
                .andExpect(jsonPath("$.assessment.rulebookVersion").value(active.version()))
                .andExpect(jsonPath("$.assessment.rulebookHash").value(active.contentHash()))
                .andExpect(jsonPath("$.assessment.findings[*].effect", not(hasItem("HARD_STOP"))))
                .andExpect(jsonPath("$.parties[*].screening.screened", everyItem(is(true))))
                .andExpect(jsonPath("$.parties[1].screening.hits", hasSize(0)))
                .andExpect(jsonPath("$.parties[1].screening.listVersions.PALLAS-SPYWARE", containsString("#")))
                // Proportionate burden: a fast-track transfer is asked only the basic questions.
                .andExpect(jsonPath("$.dueDiligencePlan.level").value("BASIC"))
                .andExpect(jsonPath("$.dueDiligencePlan.questions", hasSize((int)
                        Arrays.stream(DueDiligenceQuestion.values())
                                .filter(q -> q.level() == DueDiligenceQuestion.Level.BASIC)
                                .count())));
    }

    @Test
    void presumesDenialOfAnExploitChainForASecurityServiceAndAsksTheFullDueDiligenceSet() throws Exception {
        assess(Who.CASEWORKER, EXPLOIT_CHAIN_TO_INTELLIGENCE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.route").value("PRESUMPTION_OF_DENIAL"))
                .andExpect(jsonPath("$.assessment.findings[*].cites[*].id", hasItem("EUREC-RF-HIST")))
                .andExpect(jsonPath("$.assessment.consultations[*].team", hasItem("HUMAN_RIGHTS")))
                .andExpect(jsonPath("$.assessment.contributions[*].ruleId", not(hasSize(0))))
                .andExpect(jsonPath("$.dueDiligencePlan.level").value("FULL"))
                .andExpect(jsonPath("$.dueDiligencePlan.questions", hasSize(DueDiligenceQuestion.values().length)));
    }

    @Test
    void hardStopsAnEndUserThatIsAnEntityListedVendorUnderAnAlias() throws Exception {
        assess(Who.EXPORTER_B, bank("Grindavik Solutions", "IL", "2026-11-27"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.route").value("HARD_STOP"))
                .andExpect(jsonPath("$.assessment.routeBasis[0]").value("HS-ENTITY-LIST-PARTY (HARD_STOP)"))
                .andExpect(jsonPath("$.assessment.findings[0].cites[*].id", hasItem("US-EL-RULE-1")))
                .andExpect(jsonPath("$.assessment.findings[0].explanation", containsString("EL-CANDIRU")))
                .andExpect(
                        jsonPath("$.parties[1].screening.hits[0].matchedName").value("Grindavik Solutions"))
                .andExpect(jsonPath("$.dueDiligencePlan.questions", hasSize(0)));
    }

    @Test
    void aHardStopListsNoAdviserTeamsToConsultThoughItsReferralRulesFire() throws Exception {
        String toMyanmarPolice = EXPLOIT_CHAIN_TO_INTELLIGENCE
                .replace("State Security Directorate", "Myanmar Police Force")
                .replace("\"EG\"", "\"MM\"")
                .replace("SECURITY_INTELLIGENCE", "POLICE");
        assess(Who.CASEWORKER, toMyanmarPolice)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.route").value("HARD_STOP"))
                .andExpect(jsonPath("$.assessment.findings[*].effect", hasItem("REFER")))
                .andExpect(jsonPath("$.assessment.consultations", hasSize(0)));
    }

    @Test
    void aDelistedPartyStopsBeforeItsDelistingButNotAfterIt() throws Exception {
        assess(Who.CASEWORKER, bank("Sandvine", "CA", "2024-06-01"))
                .andExpect(jsonPath("$.assessment.route").value("HARD_STOP"));
        assess(Who.CASEWORKER, bank("Sandvine", "CA", "2026-11-27"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.route").value(not("HARD_STOP")))
                .andExpect(jsonPath("$.parties[1].screening.hits[0].delistedOn").value("2024-10-21"));
    }

    @Test
    void theSameFactsGiveTheSameAssessmentAndCanBeReRunAgainstTheRecordedVersion() throws Exception {
        String json = EXPLOIT_CHAIN_TO_INTELLIGENCE;
        String first = assess(Who.EXPORTER_A, json).andReturn().getResponse().getContentAsString();
        String second = assess(Who.CASEWORKER, json).andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        String version = rulebooks.active().version();
        String rerun = mvc.perform(cast.as(
                        Who.CASEWORKER,
                        post("/api/v1/assessments?rulebookVersion=" + version)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json),
                        true))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rerun).isEqualTo(first);
        mvc.perform(cast.as(
                        Who.CASEWORKER,
                        post("/api/v1/assessments?rulebookVersion=1999.01.01-9")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json),
                        true))
                .andExpect(status().isNotFound());
    }

    @Test
    void namesEachBadFactInAProblemDocument() throws Exception {
        assess(Who.EXPORTER_A, bank("Rhein Handelsbank AG", "ZZ", "2026-11-27"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("parties[1].country")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("destinations[0]")));
        assess(Who.EXPORTER_A, bank("Rhein Handelsbank AG", "Germany", "2026-11-27"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(containsString("parties[1]")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("ISO 3166-1 alpha-2")));
        assess(
                        Who.EXPORTER_A,
                        bank("Rhein Handelsbank AG", "DE", "2026-11-27")
                                .replace("\"targeted\"", "\"colour\":1,\"targeted\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endUse.colour"));
        assess(
                        Who.EXPORTER_A,
                        bank("Rhein Handelsbank AG", "DE", "2026-11-27")
                                .replace("\"targeted\":true", "\"targeted\":null"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endUse.targeted"))
                .andExpect(jsonPath("$.errors[0].message").value("Required: give true or false"));
        assess(
                        Who.EXPORTER_A,
                        bank("Rhein Handelsbank AG", "DE", "2026-11-27").replace("PENETRATION_TESTING", "HACKING"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endUse.category"));
        assess(
                        Who.EXPORTER_A,
                        bank("Rhein Handelsbank AG", "DE", "2026-11-27").replace("\"riskTier\":2", "\"riskTier\":7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("riskTier must be 1-4")));
    }

    @Test
    void oversightMayReadTheRulebookButNotRunAssessments() throws Exception {
        assess(Who.OVERSIGHT, EXPLOIT_CHAIN_TO_INTELLIGENCE)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(cast.as(Who.OVERSIGHT, get("/api/v1/rulebook"), true)).andExpect(status().isOk());
    }

    @Test
    void publishesTheActiveRulebookWithItsHashRulesAndCatalogue() throws Exception {
        Rulebook shipped = rulebooks.active();
        mvc.perform(cast.as(Who.EXPORTER_A, get("/api/v1/rulebook"), true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(shipped.version()))
                .andExpect(jsonPath("$.contentHash").value(shipped.contentHash()))
                .andExpect(jsonPath("$.thresholds.enhancedReview")
                        .value(shipped.thresholds().enhancedReview()))
                .andExpect(jsonPath("$.rules", hasSize(shipped.rules().size())))
                .andExpect(
                        jsonPath("$.rules[0].id").value(shipped.rules().get(0).id()))
                .andExpect(jsonPath("$.rules[0].implementsIds[0].tag").exists())
                .andExpect(jsonPath("$.catalogue").value(RuleCatalogue.render(shipped)));
    }
}
