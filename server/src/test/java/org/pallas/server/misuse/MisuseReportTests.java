package org.pallas.server.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.LicensingJson;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.licences.LicenceStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 end to end against the real database: anonymous intake with the shipped Pegasus bundle and a receipt,
 * follow-up and two-way messages, STIX validation naming the field, the size limit, nothing of the sender stored or
 * logged, organisations' reports isolated, and a confirmed report flagging the end user's live licence and open case.
 */
@PallasTest
@ExtendWith(OutputCaptureExtension.class)
class MisuseReportTests {

    static final String PEGASUS_SHA256 = "df1bcaa78abc7b85781b1ebc2daa3cc225371e2024d9ef96e84f80f927256586";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    ProductRegister products;

    @Autowired
    LicenceStore licenceStore;

    @Autowired
    Cases cases;

    @Autowired
    MisuseReports reports;

    @LocalServerPort
    int port;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private MockHttpServletResponse send(Who who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(cast.as(who, request, true)).andReturn().getResponse();
    }

    private JsonNode api(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = send(who, request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }

    /** A multipart upload, anonymously. */
    private MockHttpServletResponse upload(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode upload(MockMultipartHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = upload(request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }

    private static MockHttpServletRequestBuilder jsonPost(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode fileAnonymously(String account) throws Exception {
        return api(
                Who.ANON,
                jsonPost(
                        "/api/v1/misuse-reports",
                        "{\"discovery\":\"DEVICE_FORENSICS\",\"product\":\"Pegasus\",\"account\":\"" + account + "\"}"),
                201);
    }

    static byte[] pegasus() throws Exception {
        try (InputStream in = MisuseReports.class.getResourceAsStream("catalogue/pegasus.stix2")) {
            return in.readAllBytes();
        }
    }

    @Test
    void anAnonymousReportWithTheShippedPegasusBundleGetsAReceiptAndItsIndicatorsMatchTheCatalogue() throws Exception {
        MockMultipartFile report = new MockMultipartFile(
                "report", "", MediaType.APPLICATION_JSON_VALUE, """
                {"product":"Pegasus","country":"MX","targetKinds":["JOURNALIST"],"discovery":"DEVICE_FORENSICS",
                 "account":"MVT flagged the phone of a reporter."}""".getBytes(StandardCharsets.UTF_8));
        MockMultipartFile bundle = new MockMultipartFile("evidence", "pegasus.stix2", "text/plain", pegasus());
        JsonNode receipt =
                upload(multipart("/api/v1/misuse-reports").file(report).file(bundle), 201);

        assertThat(receipt.path("reference").asString()).matches("MR-\\d{4}-\\d{5}");
        assertThat(receipt.path("receipt").asString()).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
        assertThat(receipt.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(receipt.path("evidenceSha256").path(0).asString()).isEqualTo(PEGASUS_SHA256);
        UUID id = UUID.fromString(receipt.path("id").asString());

        // Stored: the receipt's hash only, no organisation, and the bundle encrypted.
        String row = jdbc.sql("select row_to_json(r)::text from misuse_report r where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(receipt.path("receipt").asString()).contains("\"organisation_id\":null");
        byte[] stored = jdbc.sql("select content from misuse_evidence where report_id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("weather4free.com", "Pegasus");
        long indicators = jdbc.sql("select count(*) from misuse_indicator where report_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(indicators).isGreaterThan(1500);

        JsonNode triage = api(Who.CASEWORKER, get("/api/v1/misuse-reports/" + id), 200);
        assertThat(triage.path("evidence").path(0).path("kind").asString()).isEqualTo("STIX_BUNDLE");
        assertThat(triage.path("evidence").path(0).path("indicators").asInt()).isEqualTo((int) indicators);
        assertThat(triage.path("indicatorMatches").toString()).contains("match NSO Group Pegasus indicators");
        assertThat(triage.path("knownAs").toString()).contains("CASE-01").contains("catalogue's NSO group");
        assertThat(triage.path("account").asString()).isEqualTo("MVT flagged the phone of a reporter.");
        // The caseworker downloads the bundle decrypted and unchanged.
        MockHttpServletResponse file = mvc.perform(
                        get("/misuse-reports/" + id + "/evidence/0").with(cast.session(Who.CASEWORKER)))
                .andReturn()
                .getResponse();
        assertThat(file.getContentAsByteArray()).isEqualTo(pegasus());
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment");

        // A second report with the same bundle is matched against the first.
        JsonNode second =
                upload(multipart("/api/v1/misuse-reports").file(report).file(bundle), 201);
        JsonNode later = api(
                Who.CASEWORKER,
                get("/api/v1/misuse-reports/" + second.path("id").asString()),
                200);
        assertThat(later.path("indicatorMatches").toString())
                .contains(receipt.path("reference").asString() + " (" + indicators + ")");
    }

    @Test
    void theReceiptFollowsTheReportUpWithMessagesBothWaysAndAWrongReceiptIsNotFound() throws Exception {
        JsonNode receipt = fileAnonymously("Follow-up test " + UUID.randomUUID());
        String key = receipt.path("receipt").asString();
        String id = receipt.path("id").asString();

        JsonNode status =
                api(Who.ANON, jsonPost("/api/v1/misuse-reports/follow-up", "{\"receipt\":\"" + key + "\"}"), 200);
        assertThat(status.path("reference").asString())
                .isEqualTo(receipt.path("reference").asString());
        assertThat(status.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(status.path("actionTaken").asBoolean()).isFalse();
        // Typed without dashes and in lower case, it is the same receipt.
        api(
                Who.ANON,
                jsonPost(
                        "/api/v1/misuse-reports/follow-up",
                        "{\"receipt\":\"" + key.replace("-", "").toLowerCase(java.util.Locale.ROOT) + "\"}"),
                200);

        String wrong = Receipts.newReceipt();
        MockHttpServletResponse refused =
                send(Who.ANON, jsonPost("/api/v1/misuse-reports/follow-up", "{\"receipt\":\"" + wrong + "\"}"));
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).doesNotContain(wrong);
        assertThat(send(
                                Who.ANON,
                                jsonPost(
                                        "/api/v1/misuse-reports/follow-up/messages",
                                        "{\"receipt\":\"" + wrong + "\",\"text\":\"hello\"}"))
                        .getStatus())
                .isEqualTo(404);

        api(
                Who.CASEWORKER,
                jsonPost(
                        "/api/v1/misuse-reports/" + id + "/messages", "{\"text\":\"Could you share the MVT output?\"}"),
                201);
        JsonNode withAnswer =
                api(Who.ANON, jsonPost("/api/v1/misuse-reports/follow-up", "{\"receipt\":\"" + key + "\"}"), 200);
        assertThat(withAnswer.path("messages").path(0).path("from").asString()).isEqualTo("AUTHORITY");
        assertThat(withAnswer.path("messages").path(0).path("text").asString())
                .isEqualTo("Could you share the MVT output?");

        api(
                Who.ANON,
                jsonPost(
                        "/api/v1/misuse-reports/follow-up/messages",
                        "{\"receipt\":\"" + key + "\",\"text\":\"Attached to a new report: MR-x.\"}"),
                201);
        JsonNode triage = api(Who.CASEWORKER, get("/api/v1/misuse-reports/" + id), 200);
        assertThat(triage.path("messages").path(1).path("from").asString()).isEqualTo("REPORTER");
        // Oversight reads, and may not write to the reporter.
        api(Who.OVERSIGHT, get("/api/v1/misuse-reports/" + id), 200);
        assertThat(send(Who.OVERSIGHT, jsonPost("/api/v1/misuse-reports/" + id + "/messages", "{\"text\":\"x\"}"))
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void aMalformedStixBundleIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
        long before = reports.statistics().received();
        String bundle = """
                {"type":"bundle","id":"bundle--34d0032b-b342-4076-955d-6c0020fe693a","objects":[
                 {"type":"malware","spec_version":"2.1","id":"malware--2e9d534b-2e11-4758-bdc5-9c3e1c100d4d",
                  "created":"2024-01-26T21:28:21.013Z","modified":"2024-01-26 21:28","name":"Pegasus","is_family":false},
                 {"type":"indicator","spec_version":"2.1","id":"indicator--not-a-uuid",
                  "created":"2024-01-26T21:28:21Z","modified":"2024-01-26T21:28:21Z","pattern_type":"stix",
                  "pattern":"[domain-name:value='ok.example']","valid_from":"2024-01-26T21:28:21Z"},
                 {"type":"indicator","spec_version":"2.1","id":"indicator--05b7c427-1452-437e-a19e-32590edf60c3",
                  "created":"2024-01-26T21:28:21Z","modified":"2024-01-26T21:28:21Z","pattern_type":"stix",
                  "pattern":"[domain-name:value = 'weather4free.com'","valid_from":"2024-01-26T21:28:21Z"},
                 {"type":"relationship","spec_version":"2.1","id":"relationship--657ec923-bcf2-4d19-8dc5-1290ad89df56",
                  "created":"2024-01-26T21:28:21Z","modified":"2024-01-26T21:28:21Z","relationship_type":"indicates",
                  "source_ref":"indicator--05b7c427-1452-437e-a19e-32590edf60c3","target_ref":"pegasus"}]}""";
        MockHttpServletResponse response = send(
                Who.ANON,
                jsonPost(
                        "/api/v1/misuse-reports",
                        "{\"discovery\":\"DEVICE_FORENSICS\",\"account\":\"x\",\"evidence\":[" + bundle + "]}"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode errors = json.readTree(response.getContentAsString()).path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder(
                        "evidence[0].objects[0].modified",
                        "evidence[0].objects[1].id",
                        "evidence[0].objects[2].pattern",
                        "evidence[0].objects[3].target_ref");
        assertThat(response.getContentAsString()).contains("Not a STIX 2.1 pattern: expected ']'");
        assertThat(reports.statistics().received()).isEqualTo(before);

        // A file that is neither a bundle nor a document is refused by its content, whatever its name.
        MockMultipartFile report = new MockMultipartFile(
                "report",
                "",
                MediaType.APPLICATION_JSON_VALUE,
                "{\"discovery\":\"OTHER\",\"account\":\"x\"}".getBytes());
        JsonNode problem = upload(
                multipart("/api/v1/misuse-reports")
                        .file(report)
                        .file(new MockMultipartFile(
                                "evidence", "screenshot.png", "image/png", "MZ\u0090 not a PNG".getBytes())),
                400);
        assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("evidence[0]");
    }

    @Test
    void aTwentyFiveMegabyteUploadIsRefusedWith413() throws Exception {
        byte[] pdf = new byte[25 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        MockMultipartFile report = new MockMultipartFile(
                "report",
                "",
                MediaType.APPLICATION_JSON_VALUE,
                "{\"discovery\":\"OTHER\",\"account\":\"x\"}".getBytes());
        MockHttpServletResponse response = upload(multipart("/api/v1/misuse-reports")
                .file(report)
                .file(new MockMultipartFile("evidence", "leak.pdf", "application/pdf", pdf)));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void noAddressOrUserAgentOfAnAnonymousReporterIsStoredRecordedOrLogged(CapturedOutput output) throws Exception {
        String agent = "ReporterPhone/7.3 (misuse-test-" + UUID.randomUUID() + ")";
        String forwarded = "198.51.100.73";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/misuse-reports"))
                                .header("Content-Type", "application/json")
                                .header("User-Agent", agent)
                                .header("X-Forwarded-For", forwarded)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"discovery\":\"OTHER\",\"account\":\"Sent over real HTTP.\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = json.readTree(response.body()).path("id").asString();

        List<String> stored = jdbc.sql("""
                select row_to_json(r)::text from misuse_report r where r.id = :id
                union all select row_to_json(e)::text from misuse_evidence e where e.report_id = :id
                union all select row_to_json(i)::text from misuse_indicator i where i.report_id = :id
                union all select row_to_json(m)::text from misuse_message m where m.report_id = :id
                union all select convert_from(e.entry, 'UTF8') from ledger_entry e where e.subject_id = :text
                union all select encode(p.record, 'escape') from ledger_payload p
                    join ledger_entry e on e.seq = p.seq where e.subject_id = :text""")
                .param("id", UUID.fromString(id))
                .param("text", id)
                .query(String.class)
                .list();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("\n", stored))
                .doesNotContain(agent, "ReporterPhone", forwarded, "127.0.0.1", "0:0:0:0:0:0:0:1", "localhost");
        String publicEntry = stored.stream()
                .filter(s -> s.contains("misuse.report.received"))
                .findFirst()
                .orElseThrow();
        assertThat(publicEntry).contains("filedAs", "ANONYMOUS").doesNotContain("Sent over real HTTP");

        assertThat(output.getOut()).containsPattern("POST /api/v1/misuse-reports 201 \\d+ms user=-");
        assertThat(output.getAll()).doesNotContain(agent, "ReporterPhone", forwarded);

        // An exporter's employee reporting with their token is not named in the log either.
        HttpResponse<String> insider = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/misuse-reports"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + cast.token(Who.EXPORTER_A.username))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"discovery\":\"LEAKED_TARGET_LIST\",\"account\":\"From inside.\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(insider.statusCode()).isEqualTo(201);
        String insiderId = json.readTree(insider.body()).path("id").asString();
        assertThat(jdbc.sql("select row_to_json(r)::text from misuse_report r where id = :id")
                        .param("id", UUID.fromString(insiderId))
                        .query(String.class)
                        .single())
                .contains("\"organisation_id\":null");
        assertThat(output.getOut().lines().filter(l -> l.contains("POST /api/v1/misuse-reports ")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> l.strip().endsWith("user=-"))
                .noneMatch(l -> l.contains(cast.userId(Who.EXPORTER_A.username).toString()));
    }

    @Test
    void theAuthoritySeesAStatedVendorProductOrOperatorMatchedToItsRegistersAndTheListsAndTheReporterDoesNot()
            throws Exception {
        String product = cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
        String productName = jdbc.sql("select v.name from product p join product_version v on v.product_id = p.id"
                        + " and v.version = p.current_version where p.id = cast(:id as uuid)")
                .param("id", product)
                .query(String.class)
                .single();
        JsonNode filed = api(
                Who.CIVIL_SOCIETY,
                jsonPost(
                        "/api/v1/misuse-reports",
                        "{\"discovery\":\"DEVICE_FORENSICS\",\"account\":\"Seen in a leaked brochure\","
                                + "\"vendor\":\"northbridge security\",\"product\":\"" + productName + "\","
                                + "\"operator\":\"Intellexa S.A.\","
                                + "\"fileUnderOrganisationName\":true}"),
                201);
        String id = filed.path("id").asString();
        String triage = api(Who.CASEWORKER, get("/api/v1/misuse-reports/" + id), 200)
                .path("knownAs")
                .toString();
        assertThat(triage)
                .contains("is the registered exporter Northbridge Security Ltd")
                .contains("is the registered product " + productName + " of Northbridge Security Ltd")
                .contains("'Intellexa S.A.' matches the restricted-list entry Intellexa S.A. (US-EL EL-INTELLEXA-GR");
        String own =
                api(Who.CIVIL_SOCIETY, get("/api/v1/misuse-reports/" + id), 200).toString();
        assertThat(own)
                .doesNotContain("registered exporter")
                .doesNotContain("registered product")
                .doesNotContain("restricted-list entry");
    }

    @Test
    void exportersAndOtherCivilSocietyOrganisationsCannotReadAReportTheyDidNotFile() throws Exception {
        JsonNode filed = api(
                Who.CIVIL_SOCIETY,
                jsonPost(
                        "/api/v1/misuse-reports",
                        "{\"discovery\":\"DEVICE_FORENSICS\",\"account\":\"Filed by name\","
                                + "\"fileUnderOrganisationName\":true}"),
                201);
        String id = filed.path("id").asString();
        String reference = filed.path("reference").asString();
        String otherNgo = otherCivilSocietyToken();

        assertThat(api(Who.CIVIL_SOCIETY, get("/api/v1/misuse-reports/" + id), 200)
                        .path("anonymous")
                        .asBoolean())
                .isFalse();
        assertThat(api(Who.CIVIL_SOCIETY, get("/api/v1/misuse-reports"), 200).toString())
                .contains(reference);
        assertThat(send(Who.EXPORTER_A, get("/api/v1/misuse-reports/" + id)).getStatus())
                .isEqualTo(404);
        var asOther = mvc.perform(get("/api/v1/misuse-reports/" + id).header("Authorization", "Bearer " + otherNgo))
                .andReturn()
                .getResponse();
        assertThat(asOther.getStatus()).isEqualTo(404);
        String otherList = mvc.perform(get("/api/v1/misuse-reports").header("Authorization", "Bearer " + otherNgo))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(otherList).doesNotContain(reference);
        assertThat(mvc.perform(jsonPost("/api/v1/misuse-reports/" + id + "/messages", "{\"text\":\"x\"}")
                                .header("Authorization", "Bearer " + otherNgo))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // An anonymous report is nobody's: the filing organisation does not see it either.
        String anonymous =
                fileAnonymously("Nobody's " + UUID.randomUUID()).path("id").asString();
        assertThat(send(Who.CIVIL_SOCIETY, get("/api/v1/misuse-reports/" + anonymous))
                        .getStatus())
                .isEqualTo(404);
        // Only civil society files under its name.
        JsonNode refused = api(
                Who.EXPORTER_A,
                jsonPost(
                        "/api/v1/misuse-reports",
                        "{\"discovery\":\"OTHER\",\"account\":\"x\",\"fileUnderOrganisationName\":true}"),
                400);
        assertThat(refused.path("errors").path(0).path("field").asString()).isEqualTo("fileUnderOrganisationName");
    }

    /** A second civil-society organisation with one user, made through the admin API; that user's token. */
    private String otherCivilSocietyToken() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode org = api(
                Who.ADMIN,
                jsonPost(
                        "/api/v1/organisations",
                        "{\"name\":\"Second Watch " + unique + "\",\"kind\":\"CIVIL_SOCIETY\",\"country\":\"NL\"}"),
                201);
        api(
                Who.ADMIN,
                jsonPost(
                        "/api/v1/users",
                        "{\"organisationId\":\"" + org.path("id").asString() + "\",\"username\":\"watch." + unique
                                + "\",\"displayName\":\"Watch " + unique + "\",\"email\":\"watch." + unique
                                + "@example.org\",\"roles\":[],\"password\":\"initial-password-2026\"}"),
                201);
        return cast.token("watch." + unique);
    }

    @Test
    void confirmingAReportOnAnEndUserFlagsItsLiveLicenceAndOpenCaseCitingTheReportAndTellsTheReporter()
            throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String endUser = "Orion Signals Directorate " + unique;
        UUID licence = issuedLicence(endUser);
        UUID openCase = submittedCase("orion signals  directorate " + unique.toUpperCase(java.util.Locale.ROOT));
        JsonNode receipt = fileAnonymously("Targeting by " + endUser);
        String id = receipt.path("id").asString();
        String reference = receipt.path("reference").asString();

        // Confirmed by a senior officer, so that the case officer (the caseworker) is told.
        JsonNode assessed = api(
                Who.SENIOR_OFFICER,
                jsonPost("/api/v1/misuse-reports/" + id + "/assessment", """
                        {"evidenceRating":"CONFIRMED","sourceReliability":"A_COMPLETELY_RELIABLE",
                         "outcome":"REFER_FOR_REVIEW","reasons":"Our lab reproduced the forensic findings.",
                         "endUsers":[{"name":"%s","country":"DE"}]}""".formatted(
                                endUser.toLowerCase(java.util.Locale.ROOT))),
                200);
        assertThat(assessed.path("status").asString()).isEqualTo("CONFIRMED");

        assertThat(jdbc.sql("select review_flags from licensing_licence where id = :id")
                        .param("id", licence)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        String licencePage = mvc.perform(get("/licences/" + licence).with(cast.session(Who.CASEWORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(licencePage).contains("Misuse report " + reference, "Our lab reproduced");
        assertThat(cases.authorityView(cast.caller(Who.CASEWORKER), openCase)
                        .c()
                        .internalNotes())
                .anySatisfy(n -> assertThat(n.text()).contains("Misuse report " + reference));
        String notices = mvc.perform(get("/notifications").with(cast.session(Who.CASEWORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(notices).contains("Misuse report " + reference + " concerns case");
        // The exporter does not learn of it.
        String holder = mvc.perform(get("/licences/" + licence).with(cast.session(Who.EXPORTER_A)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(holder).doesNotContain(reference);

        JsonNode followUp = api(
                Who.ANON,
                jsonPost(
                        "/api/v1/misuse-reports/follow-up",
                        "{\"receipt\":\"" + receipt.path("receipt").asString() + "\"}"),
                200);
        assertThat(followUp.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(followUp.path("actionTaken").asBoolean()).isTrue();
        String licenceReference = jdbc.sql("select reference from licensing_licence where id = :id")
                .param("id", licence)
                .query(String.class)
                .single();
        assertThat(followUp.toString()).doesNotContain(licenceReference, endUser);

        // The policy engine now reads it as misuse evidence about that end user, citing the report.
        var matches = reports.confirmedEvidence(
                List.of(new org.pallas.policy.Party(
                        org.pallas.policy.Party.PartyRole.END_USER, endUser, "DE", null, null, null, null, null)),
                null,
                null);
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.caseId()).isEqualTo(reference);
            assertThat(m.confidence()).isEqualTo(org.pallas.policy.MisuseMatch.Confidence.HIGH);
        });
        // Confirmed is final.
        assertThat(send(Who.CASEWORKER, jsonPost("/api/v1/misuse-reports/" + id + "/assessment", """
                                        {"evidenceRating":"UNVERIFIED","sourceReliability":"E_UNRELIABLE",
                                         "outcome":"RECORD_ONLY","reasons":"Second thoughts."}"""))
                        .getStatus())
                .isEqualTo(400);
    }

    /** Exporter A applies (fast track) for the end user, submits, and the caseworker takes the case: its id. */
    private UUID submittedCase(String endUser) throws Exception {
        JsonNode created = api(
                Who.EXPORTER_A,
                jsonPost(
                        "/api/v1/applications",
                        LicensingJson.fastTrackDraft(
                                cast.registeredProduct(
                                        products,
                                        Who.EXPORTER_A,
                                        "Redline assessment toolkit",
                                        TestCast.PENTEST_FRAMEWORK),
                                endUser)),
                201);
        UUID id = UUID.fromString(created.path("id").asString());
        api(
                Who.EXPORTER_A,
                put("/api/v1/applications/" + id + "/undertaking")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF),
                200);
        api(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), 200);
        mvc.perform(post("/cases/" + id + "/assign")
                .with(cast.session(Who.CASEWORKER))
                .with(csrf()));
        return id;
    }

    /** As {@link #submittedCase}, then approved with the suggested conditions: the licence's id. */
    private UUID issuedLicence(String endUser) throws Exception {
        UUID id = submittedCase(endUser);
        mvc.perform(post("/cases/" + id + "/checks")
                .with(cast.session(Who.CASEWORKER))
                .with(csrf()));
        List<String> conditions = cases.authorityView(cast.caller(Who.CASEWORKER), id)
                .c()
                .routing()
                .orElseThrow()
                .suggestedConditions();
        MockHttpServletRequestBuilder decide = post("/cases/" + id + "/decision")
                .param("outcome", "APPROVED")
                .param("reasons", "Legitimate security testing; fast-track conditions apply.");
        conditions.forEach(c -> decide.param("conditions", c));
        mvc.perform(decide.with(cast.session(Who.CASEWORKER)).with(csrf()));
        return licenceStore.forCase(id, null).orElseThrow().id();
    }
}
