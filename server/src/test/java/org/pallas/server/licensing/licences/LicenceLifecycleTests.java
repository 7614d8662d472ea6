package org.pallas.server.licensing.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.Licence;
import org.pallas.licensing.LicenceStatus;
import org.pallas.licensing.ReviewReason;
import org.pallas.licensing.TestClock;
import org.pallas.licensing.UsageKind;
import org.pallas.screening.importing.ListFormat;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.ledger.IntegrityCheck;
import org.pallas.server.ledger.LedgerReads;
import org.pallas.server.licensing.LicensingJson;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Labels;
import org.pallas.server.screening.RestrictedLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Licences after issue, end to end against the real database: lifecycle, usage, pages, API, PDF, re-screening. */
@PallasTest
class LicenceLifecycleTests {

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
    LicenceStore store;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    IntegrityCheck integrity;

    @Autowired
    RestrictedLists lists;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.pallas.server.platform.ReadLog readLog;

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

    /** Exporter A applies (fast track), the caseworker approves with the suggested conditions: the licence's id. */
    private UUID issuedLicence(String endUser) throws Exception {
        String created = api(
                Who.EXPORTER_A,
                post("/api/v1/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LicensingJson.fastTrackDraft(redline(), endUser)),
                201);
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        api(
                Who.EXPORTER_A,
                put("/api/v1/applications/" + id + "/undertaking")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF),
                200);
        api(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), 200);
        page(Who.CASEWORKER, post("/cases/" + id + "/assign"), 302);
        page(Who.CASEWORKER, post("/cases/" + id + "/checks"), 302);
        List<String> conditions = cases.authorityView(cast.caller(Who.CASEWORKER), id)
                .c()
                .routing()
                .orElseThrow()
                .suggestedConditions();
        MockHttpServletRequestBuilder decide = post("/cases/" + id + "/decision")
                .param("outcome", "APPROVED")
                .param("reasons", "Legitimate security testing; fast-track conditions apply.");
        conditions.forEach(c -> decide.param("conditions", c));
        page(Who.CASEWORKER, decide, 302);
        return store.forCase(id, null).orElseThrow().id();
    }

    private String usage(UsageKind kind, long quantity) {
        return """
                {"kind":"%s","quantity":%d,"occurredOn":"%s","reference":"DEP-1"}""".formatted(kind, quantity, LocalDate.now(java.time.ZoneId.of("Europe/London")));
    }

    /** The exporter's penetration-testing framework in its product register (4D004, tier 2). */
    private String redline() {
        return cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
    }

    @Test
    void usageIsReportedThroughTheApiUntilTheLicenceIsExhaustedAndUseBeyondItIsRefusedOnTheField() throws Exception {
        UUID id = issuedLicence("Rhein Bank AG");
        int mark = recorded.mark();
        String first = api(
                Who.EXPORTER_A,
                post("/api/v1/licences/" + id + "/usage")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(usage(UsageKind.SEATS_ACTIVATED, 5)),
                200);
        assertThat(first).contains("\"SEATS_ACTIVATED\":5", "\"status\":\"ISSUED\"");
        String refused = api(
                Who.EXPORTER_A,
                post("/api/v1/licences/" + id + "/usage")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(usage(UsageKind.SEATS_ACTIVATED, 1)),
                400);
        assertThat(refused).contains("quantity", "allows 5 SEATS_ACTIVATED");
        String last = api(
                Who.EXPORTER_A,
                post("/api/v1/licences/" + id + "/usage")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(usage(UsageKind.DELIVERIES, 1)),
                200);
        assertThat(last).contains("\"status\":\"EXHAUSTED\"");
        assertThat(recorded.since(mark))
                .extracting(s -> s.change().type())
                .containsExactly("licensing.licence.usage-reported", "licensing.licence.usage-reported");
        assertThat(recorded.since(mark))
                .allSatisfy(s -> assertThat(s.inTransaction()).isTrue());
        // Rebuilt from the stored commands, the licence is what the domain made of them.
        Licence rebuilt = store.load(id, null, false).orElseThrow().licence();
        assertThat(rebuilt.status()).isEqualTo(LicenceStatus.EXHAUSTED);
        assertThat(rebuilt.used(UsageKind.SEATS_ACTIVATED)).isEqualTo(5);
        // Another exporter cannot see it; the exporter's own list has it.
        api(Who.EXPORTER_B, get("/api/v1/licences/" + id), 404);
        assertThat(api(Who.EXPORTER_A, get("/api/v1/licences"), 200)).contains(id.toString());
    }

    @Test
    void suspensionReinstatementAndRevocationAreRecordedAndTheHolderSeesTheStatusAndIsNotified() throws Exception {
        UUID id = issuedLicence("Rhein Bank AG");
        int mark = recorded.mark();
        String missing =
                page(Who.CASEWORKER, post("/licences/" + id + "/suspend").param("reason", ""), 400);
        assertThat(missing).contains("suspend-reason-error", "Give the reason");
        page(Who.CASEWORKER, post("/licences/" + id + "/suspend").param("reason", "End user under investigation"), 302);
        page(Who.CASEWORKER, post("/licences/" + id + "/reinstate").param("reason", "Cleared"), 403);
        page(Who.SENIOR_OFFICER, post("/licences/" + id + "/reinstate").param("reason", "Investigation closed"), 302);
        page(Who.SENIOR_OFFICER, post("/licences/" + id + "/revoke").param("reason", "Diversion confirmed"), 302);
        assertThat(recorded.since(mark))
                .extracting(s -> s.change().type())
                .containsExactly(
                        "licensing.licence.licence-suspended",
                        "licensing.licence.licence-reinstated",
                        "licensing.licence.licence-revoked");
        String holder = page(Who.EXPORTER_A, get("/licences/" + id), 200);
        assertThat(holder)
                .contains(
                        "<strong id=\"licence-status\" class=\"tag\">Revoked</strong>",
                        "Diversion confirmed",
                        "LicenceRevoked");
        page(Who.EXPORTER_B, get("/licences/" + id), 404);
        long reads = readLog.count("licence", id);
        assertThat(page(Who.OVERSIGHT, get("/licences/" + id), 200))
                .contains("<strong id=\"licence-status\" class=\"tag\">Revoked</strong>")
                .doesNotContain("id=\"revoke\"");
        assertThat(readLog.count("licence", id))
                .as("oversight reads are logged")
                .isEqualTo(reads + 1);
        String reference = store.load(id, null, false).orElseThrow().reference();
        assertThat(page(Who.EXPORTER_A, get("/notifications"), 200))
                .contains("Licence " + reference + " is now revoked", "Licence " + reference + " issued");
        // Using a revoked licence is refused.
        assertThat(api(
                        Who.EXPORTER_A,
                        post("/api/v1/licences/" + id + "/usage")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(usage(UsageKind.DELIVERIES, 1)),
                        400))
                .contains("REVOKED");
        // The integrity check recomputes this licence's row from its latest entry and finds it unchanged.
        ReflectionTestUtils.invokeMethod(context.getBean("sequencer"), "sequenceAll");
        assertThat(integrity.run().discrepancies()).noneMatch(d -> d.subjectId().equals(id.toString()));
        jdbc.sql("update licensing_licence set status = 'ISSUED' where id = :id")
                .param("id", id)
                .update();
        try {
            assertThat(integrity.run().discrepancies())
                    .anyMatch(d ->
                            d.subjectId().equals(id.toString()) && d.problem().contains("status"));
        } finally {
            jdbc.sql("update licensing_licence set status = 'REVOKED' where id = :id")
                    .param("id", id)
                    .update();
        }
    }

    @Test
    void theExpirySweepDrivenByTheClockExpiresALiveLicenceAfterItsLastDay() throws Exception {
        UUID id = issuedLicence("Rhein Bank AG");
        LocalDate until = store.load(id, null, false).orElseThrow().licence().validUntil();
        TestClock clock =
                new TestClock(TestClock.london(until.getYear(), until.getMonthValue(), until.getDayOfMonth(), 23));
        Licences sweep = new Licences(store, events, readLog, clock);
        // Other licences of the shared database (demo history, other tests) may fall due: judge this one.
        tx.execute(s -> sweep.expireDue());
        assertThat(store.load(id, null, false).orElseThrow().licence().status())
                .as("still valid on its last day")
                .isEqualTo(LicenceStatus.ISSUED);
        clock.advance(Duration.ofHours(2));
        int mark = recorded.mark();
        Integer expired = tx.execute(s -> sweep.expireDue());
        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(store.load(id, null, false).orElseThrow().licence().status()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(recorded.since(mark))
                .extracting(s -> s.change().type())
                .contains("licensing.licence.licence-expired");
    }

    @Test
    void theLicencePdfParsesAndCarriesTheReferenceAndTheLedgerLinkWithTheLeafHash() throws Exception {
        UUID id = issuedLicence("Rhein Bank AG");
        ReflectionTestUtils.invokeMethod(context.getBean("sequencer"), "sequenceAll");
        byte[] pdf = mvc.perform(cast.as(Who.EXPORTER_A, get("/api/v1/licences/" + id + "/document"), true))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String flat = pdfText(pdf);
        String reference = store.load(id, null, false).orElseThrow().reference();
        assertThat(flat).contains("Licence " + reference, "/ledger/entries/", "Leaf hash:", "Reporting duties");
        assertThat(flat).doesNotContain("pending until");
        mvc.perform(cast.as(Who.EXPORTER_B, get("/api/v1/licences/" + id + "/document"), true))
                .andExpect(status().isNotFound());
        assertThat(page(Who.CASEWORKER, get("/licences/" + id + "/document.pdf"), 200))
                .startsWith("%PDF");
    }

    @Test
    void theLicencePageAndPdfNameTheProductsWithTheirControlEntriesAndReadCodesAndPeriodsAsWords() throws Exception {
        UUID id = issuedLicence("Rhein Bank AG");
        String licence = page(Who.EXPORTER_A, get("/licences/" + id), 200);
        assertThat(licence)
                .contains(
                        "<bdi>Redline assessment toolkit</bdi>, control entries\n      <span>4D004</span>",
                        "(every <span>1 month</span>)",
                        "(every <span>1 year</span>)",
                        "<span>Individual</span> licence",
                        "<span id=\"licence-destinations\">Germany</span>",
                        "<span>End user</span>: <bdi>Rhein Bank AG</bdi>",
                        "<th scope=\"row\">Seats activated</th>");
        assertThat(licence)
                .as("periods as words, the product by its name rather than its register id")
                .doesNotContain("P1M", "P1Y", ">" + redline() + "<");

        byte[] pdf = mvc.perform(cast.as(Who.EXPORTER_A, get("/api/v1/licences/" + id + "/document"), true))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = pdfText(pdf);
        assertThat(text)
                .contains(
                        "Products Redline assessment toolkit, control entries 4D004",
                        "(every 1 month)",
                        "(every 1 year)",
                        "Individual licence held by",
                        "Destinations: Germany",
                        "End user: Rhein Bank AG (Germany)");
        assertThat(text).doesNotContain("P1M", "INDIVIDUAL", "END_USER");
    }

    @Test
    void addressesInTheLicenceFollowTheRequestUnlessAPublicBaseUrlIsSet() throws Exception {
        UUID id = issuedLicence("Rhein Bank AG");
        String page = mvc.perform(get("/licences/" + id)
                        .with(cast.session(Who.EXPORTER_A))
                        .with(r -> {
                            r.setScheme("https");
                            r.setServerName("pallas.example.org");
                            r.setServerPort(8443);
                            return r;
                        }))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"ledger-link\" href=\"https://pallas.example.org:8443/ledger");

        LicenceDocuments configured = new LicenceDocuments(
                context.getBean(Licences.class),
                context.getBean(LedgerReads.class),
                new Labels(),
                "https://licensing.gov.example/");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("pallas.example.org");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            assertThat(configured.baseUrl())
                    .as("the setting wins over the request")
                    .isEqualTo("https://licensing.gov.example");
            assertThat(context.getBean(LicenceDocuments.class).baseUrl())
                    .as("unset: the request's address")
                    .isEqualTo("http://pallas.example.org");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p)).append('\n');
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    @Test
    void misuseEvidenceFlagsEveryLiveLicenceOfTheEndUserAndNotifiesTheCaseOfficerButNotTheHolder() throws Exception {
        String endUser = "Ostsee Netzwerkdienste GmbH";
        UUID first = issuedLicence(endUser);
        UUID second = issuedLicence("ostsee  netzwerkdienste gmbh");
        UUID other = issuedLicence("Rhein Bank AG");
        page(
                Who.CASEWORKER,
                post("/licences/" + first + "/misuse")
                        .param("evidence", "Forensic report of targeting of journalists (compare CASE-11)"),
                302);
        assertThat(store.load(first, null, false).orElseThrow().licence().reviewFlags())
                .hasSize(1);
        assertThat(store.load(second, null, false).orElseThrow().licence().reviewFlags())
                .hasSize(1);
        assertThat(store.load(other, null, false).orElseThrow().licence().reviewFlags())
                .isEmpty();
        String reference = store.load(first, null, false).orElseThrow().reference();
        assertThat(page(Who.CASEWORKER, get("/notifications"), 200))
                .contains("Licence " + reference + " flagged for review");
        assertThat(page(Who.CASEWORKER, get("/licences/" + first), 200)).contains("New misuse evidence", "CASE-11");
        String holder = page(Who.EXPORTER_A, get("/licences/" + first), 200);
        assertThat(holder)
                .doesNotContain("New misuse evidence", "NEW_MISUSE_EVIDENCE", "CASE-11", "LicenceFlaggedForReview");
        assertThat(api(Who.EXPORTER_A, get("/api/v1/licences/" + first), 200)).doesNotContain("CASE-11", "review");
        assertThat(page(Who.EXPORTER_A, get("/notifications"), 200)).doesNotContain("flagged");
        // Review: clear with a reason.
        page(
                Who.CASEWORKER,
                post("/licences/" + first + "/clear-flags").param("reason", "Report concerns another unit"),
                302);
        assertThat(store.load(first, null, false).orElseThrow().licence().reviewFlags())
                .isEmpty();
    }

    @Test
    void aListUpdateThatAddsTheEndUserRaisesAnAlertThatFlagsTheLiveLicence() throws Exception {
        String endUser = "Kestrel Harbour Signals Directorate";
        UUID id = issuedLicence(endUser);
        UUID caseId = UUID.fromString(
                store.load(id, null, false).orElseThrow().licence().caseId());
        assertThat(jdbc.sql("select count(*) from licensing_screened_party where case_id = :c")
                        .param("c", caseId)
                        .query(Long.class)
                        .single())
                .as("the end user joined the party register on submission")
                .isEqualTo(1);
        assertThat(lists.awaitLoaded(Duration.ofMinutes(3))).isTrue();
        String csv = """
                source,entry_id,kind,name,aliases,country,program,listed_on,delisted_on,citation,remarks
                TEST-LICENCE-HITS,TLH-1,organisation,%s,,DE,Test designation,2026-01-05,,test,licence re-screening test
                """.formatted(endUser);
        lists.importVersion(
                ListFormat.PROJECT_CSV,
                "TEST-LICENCE-HITS",
                LocalDate.of(2026, 1, 5),
                List.of(new RestrictedLists.ListFile("test-licence-hits.csv", csv.getBytes(StandardCharsets.UTF_8))),
                null);
        Licence flagged = store.load(id, null, false).orElseThrow().licence();
        assertThat(flagged.reviewFlags())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo(ReviewReason.NEW_SCREENING_HIT));
        String reference = store.load(id, null, false).orElseThrow().reference();
        assertThat(page(Who.CASEWORKER, get("/notifications"), 200))
                .contains("Licence " + reference + " flagged for review");
        page(Who.SENIOR_OFFICER, post("/licences/" + id + "/revoke").param("reason", "End user designated"), 302);
        assertThat(api(Who.EXPORTER_A, get("/api/v1/licences/" + id), 200)).contains("\"status\":\"REVOKED\"");
    }
}
