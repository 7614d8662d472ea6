package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.Case;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.ConsolidatedAdvice;
import org.pallas.licensing.Queue;
import org.pallas.licensing.RiskContribution;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.Users;
import org.pallas.server.ledger.LedgerTestSequencing;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.CallerAuthentication;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The authority's casework journey through the server: information requests and amendments, withdrawal, advice from
 * the adviser teams, consolidation, countersignature (four eyes), refusal letter and appeal, internal notes, and
 * what each role may read. Every step goes through the pages or the API as a user would.
 */
@PallasTest
class CaseJourneyTests {

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

    @Autowired
    Users users;

    @Autowired
    ReadLog readLog;

    @Autowired
    ApplicationContext context;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private RequestPostProcessor as(String username) {
        return authentication(new CallerAuthentication(cast.caller(username)));
    }

    private String page(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return page(who.username, request, expected);
    }

    private String page(String username, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request.with(as(username)).with(csrf()))
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

    /**
     * A tier-3 forensic kit from the exporter's register for a German government agency stated not to be under
     * independent oversight: human-rights advice is required, so the case goes to enhanced review. (Before rulebook
     * 2026.12.07-1 any government end user of a tier-3 item was referred; oversight not stated in a strong rule-of-law
     * destination is now a question to the applicant, so the draft states the oversight.)
     */
    private String enhancedReviewDraft() {
        return enhancedReviewDraft("Bundesamt Cyberabwehr");
    }

    private String enhancedReviewDraft(String agency) {
        String kit = cast.registeredProduct(
                products, Who.EXPORTER_A, "Mobile forensic extraction kit", TestCast.FORENSIC_KIT);
        return LicensingJson.enhancedReviewDraft(kit, agency);
    }

    /**
     * An end user of its own for a test that refuses: this authority's refusal is a prior denial of the party in every
     * later application naming it (RF-PRIOR-DENIAL), which must not reach the other tests' cases.
     */
    private static String refusedParty(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private Case caseOf(UUID id) {
        return cases.authorityView(cast.caller(Who.CASEWORKER), id).c();
    }

    private void underReview(String officer, UUID id) throws Exception {
        page(officer, post("/cases/" + id + "/assign"), 302);
        page(officer, post("/cases/" + id + "/checks"), 302);
    }

    /** Enhanced review up to the point where the case officer may decide; the advice texts carry the marker. */
    private void adviceConsolidated(String officer, UUID id, String marker) throws Exception {
        underReview(officer, id);
        page(
                officer,
                post("/cases/" + id + "/advice-request").param("adviceReason", "Government end user; tier 3."),
                302);
        assertThat(caseOf(id).outstandingAdvice())
                .containsExactlyInAnyOrder(
                        AdviserTeam.HUMAN_RIGHTS, AdviserTeam.NATIONAL_SECURITY, AdviserTeam.DEFENCE);
        page(
                "adviser.hr",
                post("/cases/" + id + "/advice")
                        .param("adviceType", "APPROVE_WITH_CONDITIONS")
                        .param("reasoning", "HR reasoning " + marker)
                        .param("adviceConditions", "Quarterly audit report to the authority"),
                302);
        page(
                "adviser.ns",
                post("/cases/" + id + "/advice")
                        .param("adviceType", "APPROVE")
                        .param("reasoning", "NS reasoning " + marker),
                302);
        page(
                "adviser.def",
                post("/cases/" + id + "/advice")
                        .param("adviceType", "NO_VIEW")
                        .param("reasoning", "DEF reasoning " + marker),
                302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.ADVICE_CONSOLIDATION);
        page(officer, post("/cases/" + id + "/consolidation").param("summary", "Consolidated " + marker), 302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    /** The exporter's penetration-testing framework in its product register (4D004, tier 2). */
    private String redline() {
        return cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
    }

    @Test
    void theAmendPageShowsTheApplicationFormsFieldsFilledInButNotTheDeclarationsItKeeps() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG"));
        String amend = page(Who.EXPORTER_A, get("/applications/" + id + "/amend"), 200);
        assertThat(amend)
                .contains(
                        "id=\"productName\"",
                        "value=\"Redline assessment toolkit\"",
                        "id=\"endUserName\"",
                        "value=\"Rhein Bank AG\"",
                        "id=\"endUseStatement\"",
                        "id=\"safeguard-AUDIT_RIGHTS\"",
                        "id=\"seats\"",
                        "value=\"5\"",
                        "id=\"amendReason\"");
        assertThat(amend)
                .as("the declarations stay as declared")
                .doesNotContain("id=\"riskTier\"", "id=\"endUseCategory\"", "add-end-user");
        String draftPath = mvc.perform(post("/applications")
                        .param("type", "OPEN")
                        .with(as(Who.EXPORTER_A.username))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page(Who.EXPORTER_A, get(draftPath), 200))
                .as("the draft's form keeps all its fields")
                .contains("id=\"riskTier\"", "id=\"endUseCategory\"", "id=\"add-end-user\"", "id=\"productName\"");
    }

    @Test
    void theApplicationFormOffersOnlyTheExportersRegisteredProductsAndNamesThePickedOneByItsRegisterId()
            throws Exception {
        String product = redline();
        String draftPath = mvc.perform(
                        post("/applications").with(as(Who.EXPORTER_A.username)).with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page(Who.EXPORTER_A, get(draftPath), 200)).contains("id=\"productId\"", "value=\"" + product + "\"");
        String otherDraft = mvc.perform(
                        post("/applications").with(as(Who.EXPORTER_B.username)).with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page(Who.EXPORTER_B, get(otherDraft), 200))
                .as("another exporter's register is not offered")
                .contains("id=\"productId\"")
                .doesNotContain(product);

        page(
                Who.EXPORTER_A,
                post(draftPath)
                        .param("productId", product)
                        .param("productName", "")
                        .param("controlEntries", "4D004"),
                200);

        UUID id = UUID.fromString(draftPath.replaceAll(".*/applications/([^/]+)/edit", "$1"));
        var line = cases.draft(cast.caller(Who.EXPORTER_A), id)
                .details()
                .products()
                .get(0);
        assertThat(line.productId()).as("the line names the register's product").isEqualTo(product);
        assertThat(line.name()).as("no name typed: the register's").isEqualTo("Redline assessment toolkit");
        assertThat(page(Who.EXPORTER_A, get(draftPath), 200))
                .as("the pick is kept")
                .containsPattern("value=\"" + product + "\"\\s+selected=\"selected\"");
    }

    @Test
    void enhancedReviewTakesAdviceFromEveryRequiredTeamAndIssuesTheLicenceOnlyAfterTheCountersignature()
            throws Exception {
        UUID id = submitted(enhancedReviewDraft());
        assertThat(caseOf(id).routing().orElseThrow().route()).isEqualTo(AssessmentRoute.ENHANCED_REVIEW);
        adviceConsolidated("caseworker", id, "m1");
        String defence = page("adviser.def", get("/advice"), 200);
        assertThat(defence.substring(defence.indexOf("waiting-title"), defence.indexOf("others-title")))
                .as("advised: no longer waiting for the defence team")
                .doesNotContain(caseOf(id).caseId());
        assertThat(defence.substring(defence.indexOf("others-title")))
                .contains(caseOf(id).caseId());
        assertThat(caseOf(id).consolidatedAdvice().orElseThrow().type())
                .isEqualTo(ConsolidatedAdvice.Type.APPROVE_WITH_CONDITIONS);

        page(
                Who.CASEWORKER,
                post("/cases/" + id + "/decision")
                        .param("outcome", "APPROVED")
                        .param("reasons", "Safeguards and oversight are adequate.")
                        .param("conditions", "Quarterly audit report to the authority"),
                302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);
        assertThat(jdbc.sql("select count(*) from licensing_licence where case_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("no licence before the countersignature")
                .isZero();
        assertThat(api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200))
                .contains("\"status\":\"UNDER_REVIEW\"")
                .doesNotContain("Safeguards and oversight are adequate.");

        int mark = recorded.mark();
        page(
                Who.SENIOR_OFFICER,
                post("/cases/" + id + "/countersignature")
                        .param("verdict", "accept")
                        .param("countersignReasons", "Agree."),
                302);
        assertThat(recorded.since(mark))
                .extracting(s -> s.change().type())
                .containsExactly("licensing.case.case-finalised", "licensing.licence.issued");
        assertThat(recorded.since(mark))
                .allSatisfy(s -> assertThat(s.inTransaction()).isTrue());
        String exporter = api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200);
        assertThat(exporter)
                .contains("\"status\":\"APPROVED\"", "Quarterly audit report to the authority", "\"reference\":\"LIC-");
        LedgerTestSequencing.sequenceAll(context); // links go to sequenced entries only
        String casePage = page(Who.CASEWORKER, get("/cases/" + id), 200);
        assertThat(casePage).contains("CaseFinalised", "DecisionProposed", "AdviceConsolidated", "/ledger/entries/");
    }

    @Test
    void theOfficerWhoDecidedMayNotCountersignEvenHoldingTheSeniorRole() throws Exception {
        String both = cast.newUser(users, "caseworker", "pallas-demo-2026", Role.CASEWORKER, Role.SENIOR_OFFICER);
        UUID id = submitted(enhancedReviewDraft());
        adviceConsolidated(both, id, "m2");
        page(
                both,
                post("/cases/" + id + "/decision").param("outcome", "APPROVED").param("reasons", "Adequate."),
                302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);

        page(
                both,
                post("/cases/" + id + "/countersignature")
                        .param("verdict", "accept")
                        .param("countersignReasons", "Mine."),
                403);
        page(
                both,
                post("/cases/" + id + "/countersignature")
                        .param("verdict", "refuse")
                        .param("countersignReasons", "Mine."),
                403);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);
        assertThat(caseOf(id).countersignatures()).isEmpty();

        page(
                Who.SENIOR_OFFICER,
                post("/cases/" + id + "/countersignature")
                        .param("verdict", "refuse")
                        .param("countersignReasons", "Ask about the oversight body first."),
                302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(caseOf(id).countersignatures())
                .singleElement()
                .satisfies(k -> assertThat(k.accepted()).isFalse());
    }

    @Test
    void anInformationRequestPausesTheCaseTheExporterAmendsAndAnswersAndTheCaseReturnsWhereItWas() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG"));
        underReview("caseworker", id);
        page(
                Who.CASEWORKER,
                post("/cases/" + id + "/information-request")
                        .param("question", "How many operators will use the toolkit?"),
                302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
        assertThat(caseOf(id).queues()).containsExactly(Queue.WITH_APPLICANT);

        String exporterPage = page(Who.EXPORTER_A, get("/applications/" + id), 200);
        assertThat(exporterPage)
                .contains(
                        "<strong id=\"status\" class=\"tag\">Information requested</strong>",
                        "How many operators will use the toolkit?",
                        "send-answer");
        assertThat(api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200))
                .contains("How many operators will use the toolkit?");

        String amended =
                LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG").replace("\"seats\":5", "\"seats\":8");
        String details =
                amended.substring(amended.indexOf("\"details\":") + "\"details\":".length(), amended.lastIndexOf('}'));
        api(
                Who.EXPORTER_A,
                post("/api/v1/applications/" + id + "/amendments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"details\":" + details + ",\"reason\":\"Eight operators, not five.\"}"),
                200);
        String versions = api(Who.EXPORTER_A, get("/api/v1/applications/" + id + "/versions"), 200);
        assertThat(versions)
                .contains(
                        "\"number\":1",
                        "\"number\":2",
                        "\"field\":\"quantities\"",
                        "5 seats",
                        "8 seats",
                        "Eight operators, not five.");
        assertThat(page(Who.EXPORTER_A, get("/applications/" + id + "/versions"), 200))
                .contains("From version 1 to version 2", "5 seats", "8 seats");
        assertThat(caseOf(id).application().versions()).hasSize(2);
        assertThat(caseOf(id).application().current().details().undertaking())
                .as("the undertaking on file is kept")
                .isNotNull();

        page(Who.EXPORTER_A, post("/applications/" + id + "/answer").param("answer", ""), 400);
        page(Who.EXPORTER_A, post("/applications/" + id + "/answer").param("answer", "Eight, see version 2."), 302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(page(Who.CASEWORKER, get("/cases/" + id), 200))
                .contains("Eight, see version 2.", "Version 1 to version 2");
    }

    @Test
    void theExporterWithdrawsWithAReasonAndAnotherExporterCannot() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG"));
        api(
                Who.EXPORTER_B,
                post("/api/v1/applications/" + id + "/withdrawal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"not ours\"}"),
                404);
        String problem = api(
                Who.EXPORTER_A,
                post("/api/v1/applications/" + id + "/withdrawal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"),
                400);
        assertThat(problem).contains("reason");
        api(
                Who.EXPORTER_A,
                post("/api/v1/applications/" + id + "/withdrawal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"The contract fell through.\"}"),
                200);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(page(Who.EXPORTER_A, get("/applications/" + id), 200))
                .contains("<strong id=\"status\" class=\"tag\">Withdrawn</strong>")
                .doesNotContain("withdraw-form");
    }

    @Test
    void aRefusalIsAppealedFromTheLetterAndDecidedByAnOfficerWhoTookNoPartAndAnAllowedAppealIssuesTheLicence()
            throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(redline(), refusedParty("Rhein Bank AG")));
        underReview("caseworker", id);
        page(
                Who.CASEWORKER,
                post("/cases/" + id + "/decision")
                        .param("outcome", "REFUSED")
                        .param("reasons", "Risk of diversion to an undesirable end user.")
                        .param("criteria", "UK_C7")
                        .param("criteria", "EU_ART15"),
                302);
        LocalDate deadline = LocalDate.ofInstant(caseOf(id).appealDeadline().orElseThrow(), ServiceLevelClock.UK);

        String letter = page(Who.EXPORTER_A, get("/applications/" + id + "/refusal-letter"), 200);
        assertThat(letter)
                .contains(
                        "Risk of diversion to an undesirable end user.",
                        "UK-C7",
                        "EU-ART15",
                        "unverified",
                        deadline.toString(),
                        "28 days left.",
                        "lodge-appeal");
        page(Who.EXPORTER_B, get("/applications/" + id + "/refusal-letter"), 404);
        page(
                Who.EXPORTER_A,
                post("/applications/" + id + "/appeal").param("grounds", "The bank is the end user."),
                302);
        assertThat(caseOf(id).status()).isEqualTo(CaseStatus.UNDER_APPEAL);

        // The officer who refused cannot take the appeal; the senior officer's choice excludes them and the domain
        // refuses.
        String casePage = page(Who.SENIOR_OFFICER, get("/cases/" + id), 200);
        assertThat(casePage)
                .contains("appeal-assignment")
                .doesNotContain("value=\"" + cast.userId("caseworker") + "\"");
        String refused = page(
                Who.SENIOR_OFFICER,
                post("/cases/" + id + "/appeal-officer")
                        .param("officer", cast.userId("caseworker").toString()),
                400);
        assertThat(refused).contains("must be handled by an officer other than");

        String appealOfficer = cast.newUser(users, "caseworker", "pallas-demo-2026", Role.CASEWORKER);
        page(
                Who.SENIOR_OFFICER,
                post("/cases/" + id + "/appeal-officer")
                        .param("officer", cast.userId(appealOfficer).toString()),
                302);
        assertThat(page(
                        Who.CASEWORKER,
                        post("/cases/" + id + "/appeal-decision")
                                .param("appealOutcome", "APPROVED")
                                .param("appealReasons", "x"),
                        400))
                .contains("must be handled by an officer other than");
        String bystander = cast.newUser(users, "caseworker", "pallas-demo-2026", Role.CASEWORKER);
        page(
                bystander,
                post("/cases/" + id + "/appeal-decision")
                        .param("appealOutcome", "APPROVED")
                        .param("appealReasons", "x"),
                403);
        int mark = recorded.mark();
        page(
                appealOfficer,
                post("/cases/" + id + "/appeal-decision")
                        .param("appealOutcome", "APPROVED")
                        .param("appealReasons", "The bank's own red team is the end user; no diversion risk."),
                302);
        assertThat(recorded.since(mark))
                .extracting(s -> s.change().type())
                .containsExactly("licensing.case.appeal-decided", "licensing.licence.issued");
        String exporter = api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200);
        assertThat(exporter).contains("\"status\":\"APPEAL_ALLOWED\"", "no diversion risk", "\"reference\":\"LIC-");
        assertThat(page(Who.EXPORTER_A, get("/applications/" + id), 200)).contains("Your appeal was allowed");
    }

    @Test
    void regulatorOnlyTextsNeverReachAnyExporterPageOrApiResponse() throws Exception {
        String marker = "RGX" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = submitted(enhancedReviewDraft(refusedParty("Bundesamt Cyberabwehr")));
        adviceConsolidated("caseworker", id, marker);
        page(Who.CASEWORKER, post("/cases/" + id + "/notes").param("note", "Note " + marker), 302);
        page("adviser.hr", post("/cases/" + id + "/notes").param("note", "Adviser note " + marker), 302);
        page(
                Who.CASEWORKER,
                post("/cases/" + id + "/decision").param("outcome", "APPROVED").param("reasons", "Proposal " + marker),
                302);
        page(
                Who.SENIOR_OFFICER,
                post("/cases/" + id + "/countersignature")
                        .param("verdict", "refuse")
                        .param("countersignReasons", "Countersign discussion " + marker),
                302);
        page(
                Who.CASEWORKER,
                post("/cases/" + id + "/decision")
                        .param("outcome", "REFUSED")
                        .param("reasons", "Clear risk of misuse against journalists.")
                        .param("criteria", "UK_C2"),
                302);
        page(
                Who.SENIOR_OFFICER,
                post("/cases/" + id + "/countersignature")
                        .param("verdict", "accept")
                        .param("countersignReasons", "Countersigned " + marker),
                302);
        Case c = caseOf(id);
        assertThat(c.status()).isEqualTo(CaseStatus.FINALISED);
        List<String> internalRules = c.routing().orElseThrow().contributions().stream()
                .filter(RiskContribution::internal)
                .map(RiskContribution::ruleId)
                .toList();
        assertThat(internalRules)
                .as("the government end user raises regulator-only party findings")
                .isNotEmpty();

        String authority = page(Who.CASEWORKER, get("/cases/" + id), 200);
        assertThat(authority)
                .as("the marker is really on the case")
                .contains(
                        "HR reasoning " + marker,
                        "Note " + marker,
                        "Consolidated " + marker,
                        "Countersign discussion " + marker,
                        "Adviser note " + marker);

        List<String> exporterResponses = new ArrayList<>();
        for (String path : List.of(
                "/applications",
                "/applications/" + id,
                "/applications/" + id + "/versions",
                "/applications/" + id + "/amend",
                "/applications/" + id + "/refusal-letter")) {
            exporterResponses.add(page(Who.EXPORTER_A, get(path), 200));
        }
        exporterResponses.add(
                page(Who.EXPORTER_A, post("/applications/" + id + "/answer").param("answer", ""), 400));
        exporterResponses.add(
                page(Who.EXPORTER_A, post("/applications/" + id + "/appeal").param("grounds", ""), 400));
        for (String path : List.of(
                "/api/v1/applications", "/api/v1/applications/" + id, "/api/v1/applications/" + id + "/versions")) {
            exporterResponses.add(api(Who.EXPORTER_A, get(path), 200));
        }
        exporterResponses.add(api(
                Who.EXPORTER_A,
                post("/api/v1/applications/" + id + "/appeal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grounds\":\"Journalists are not targeted.\"}"),
                200));
        assertThat(exporterResponses).hasSize(11).allSatisfy(body -> {
            assertThat(body)
                    .doesNotContain(
                            marker,
                            "Quarterly audit report",
                            "AdviceGiven",
                            "CONFLICTING",
                            "APPROVE_WITH_CONDITIONS",
                            "Daniel Reyes",
                            "Maya Okafor",
                            "Lena Brandt");
            internalRules.forEach(rule -> assertThat(body).doesNotContain(rule));
        });
        assertThat(exporterResponses.get(4)).contains("Clear risk of misuse against journalists.", "UK-C2");
    }

    @Test
    void oversightAndAuditorsReadEveryCaseWithoutActionsAndAdvisersOnlyTheCasesThatAskedTheirTeam() throws Exception {
        UUID id = submitted(enhancedReviewDraft());
        String reference = cases.authorityView(cast.caller(Who.CASEWORKER), id).reference();
        long readsBefore = readLog.count("case", id);
        for (Who reader : List.of(Who.OVERSIGHT, Who.AUDITOR)) {
            String body = page(reader, get("/cases/" + id), 200);
            assertThat(body)
                    .contains(reference, "read-only-notice", "Automated assessment")
                    .doesNotContain(
                            "assign-to-me", "complete-checks", "record-decision", "add-note", "<form method=\"post\"");
            assertThat(queueContains(reader, reference))
                    .as("%s finds the case in the queue", reader)
                    .isTrue();
            page(reader, post("/cases/" + id + "/assign"), 403);
            page(reader, post("/cases/" + id + "/notes").param("note", "x"), 403);
        }
        assertThat(readLog.count("case", id)).as("the oversight read is logged").isEqualTo(readsBefore + 1);

        page(Who.ADVISER, get("/cases/" + id), 404);
        page(
                "adviser.def",
                post("/cases/" + id + "/advice").param("adviceType", "APPROVE").param("reasoning", "x"),
                404);
        underReview("caseworker", id);
        page(Who.CASEWORKER, post("/cases/" + id + "/advice-request").param("adviceReason", "Please advise."), 302);
        assertThat(page(Who.ADVISER, get("/advice"), 200)).contains(reference);
        String adviserPage = page(Who.ADVISER, get("/cases/" + id), 200);
        assertThat(adviserPage)
                .contains("give-advice", "Advice of the <span>Human rights</span> team")
                .doesNotContain("record-decision", "assign-to-me");
        page(Who.ADVISER, get("/cases"), 403);
        page(
                Who.ADVISER,
                post("/cases/" + id + "/decision").param("outcome", "APPROVED").param("reasons", "x"),
                403);
        page(Who.EXPORTER_A, get("/cases/" + id), 403);
        page(Who.EXPORTER_A, get("/advice"), 403);
    }

    /** The queue is oldest first and paged (demo history fills the first pages): look through every page. */
    private boolean queueContains(Who reader, String reference) throws Exception {
        for (int p = 1; p <= 100; p++) {
            String body = page(reader, get("/cases").param("page", Integer.toString(p)), 200);
            if (body.contains(reference)) {
                return true;
            }
            if (!body.contains("Next page")) {
                return false;
            }
        }
        return false;
    }
}
