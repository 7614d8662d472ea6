package org.pallas.server.licensing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.InternalNote;
import org.pallas.screening.importing.ListFormat;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.LicensingJson;
import org.pallas.server.screening.RestrictedLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What screening found about a case's parties reaches the authority, and only the authority: the case page and case
 * API list each party's matched entries (list, entry, score, list version, explanation); a list update that newly
 * matches a party of an open case leaves a note for the case officer and tells them; a hard stop names no adviser
 * team to consult.
 */
@PallasTest
class CaseScreeningTests {

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
    RestrictedLists lists;

    @Autowired
    Cases cases;

    TestCast cast;

    @BeforeEach
    void cast() throws InterruptedException {
        cast = new TestCast(jdbc, tokens);
        // Parties are registered and screened against the lists in use: wait for the start-up load.
        assertThat(lists.awaitLoaded(Duration.ofMinutes(3))).isTrue();
    }

    @Test
    void theCasePageListsEachPartysMatchedEntryWithListScoreVersionAndExplanationForTheAuthorityOnly()
            throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(pentestFramework(), "Intellexa S.A."));
        var alert = jdbc.sql("""
                        select a.source, a.entry_id, a.score, a.list_version, a.explanation from screening_alert a
                        join licensing_screened_party s on s.screening_party_id = a.party_id
                        where s.case_id = :case order by a.score desc limit 1""")
                .param("case", id)
                .query((rs, n) -> new String[] {
                    rs.getString(1),
                    rs.getString(2),
                    String.format(Locale.ROOT, "%.3f", rs.getDouble(3)),
                    rs.getString(4),
                    rs.getString(5).split("\n")[0]
                })
                .single();

        String page = page(Who.CASEWORKER, get("/cases/" + id), 200);
        String matches = page.substring(page.indexOf("id=\"party-matches\""));
        matches = matches.substring(0, matches.indexOf("</section>"));
        assertThat(matches)
                .contains("Intellexa S.A.", "EU-1", alert[0], alert[1], alert[2], alert[3])
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(alert[4]));
        JsonNode api = json.readTree(api(Who.CASEWORKER, get("/api/v1/cases/" + id), 200));
        JsonNode first = api.get("partyMatches").get(0);
        assertThat(first.get("partyId").asString()).isEqualTo("EU-1");
        assertThat(first.get("entryId").asString()).isEqualTo(alert[1]);
        assertThat(first.get("listVersion").asString()).isEqualTo(alert[3]);
        assertThat(first.get("explanation").toString()).contains("\"");

        // The exporter sees neither the entry nor its score, on the page or through the API.
        for (String exporterView : List.of(
                page(Who.EXPORTER_A, get("/applications/" + id), 200),
                api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200))) {
            assertThat(exporterView).doesNotContain(alert[1], "party-matches", "partyMatches", alert[2]);
        }
    }

    @Test
    void aCaseWhosePartiesMatchNothingSaysSo() throws Exception {
        UUID id = submitted(LicensingJson.fastTrackDraft(pentestFramework(), "Rhein Handelsbank " + word()));

        assertThat(page(Who.CASEWORKER, get("/cases/" + id), 200))
                .contains("No party of this case matches a list entry.");
    }

    @Test
    void aListUpdateThatNewlyMatchesAPartyOfAnOpenCaseNotesItAndTellsTheCaseOfficer() throws Exception {
        String endUser = "Kestrel Fjord Signals Bureau " + word();
        UUID id = submitted(LicensingJson.fastTrackDraft(pentestFramework(), endUser));
        page(Who.CASEWORKER, post("/cases/" + id + "/assign"), 302);
        CaseStatus before =
                cases.authorityView(cast.caller(Who.CASEWORKER), id).c().status();
        String csv = """
                source,entry_id,kind,name,aliases,country,program,listed_on,delisted_on,citation,remarks
                TEST-CASE-HITS,TCH-1,organisation,%s,,DE,Test designation,2026-01-05,,test,case re-screening test
                """.formatted(endUser);

        lists.importVersion(
                ListFormat.PROJECT_CSV,
                "TEST-CASE-HITS",
                LocalDate.of(2026, 1, 5),
                List.of(new RestrictedLists.ListFile("test-case-hits.csv", csv.getBytes(StandardCharsets.UTF_8))),
                null);

        var c = cases.authorityView(cast.caller(Who.CASEWORKER), id).c();
        assertThat(c.status()).as("a note does not move the case").isEqualTo(before);
        assertThat(c.internalNotes())
                .singleElement()
                .extracting(InternalNote::text)
                .asString()
                .contains("Re-screening", endUser, "TEST-CASE-HITS entry TCH-1");
        String reference = jdbc.sql("select reference from licensing_case where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(page(Who.CASEWORKER, get("/notifications"), 200))
                .contains("New screening match on case " + reference);
        assertThat(page(Who.CASEWORKER, get("/cases/" + id), 200)).contains("TEST-CASE-HITS", "TCH-1");
        // Regulator-only: the exporter hears nothing and sees nothing of it.
        assertThat(page(Who.EXPORTER_A, get("/notifications"), 200))
                .doesNotContain("screening match on case " + reference);
        assertThat(page(Who.EXPORTER_A, get("/applications/" + id), 200)).doesNotContain("TCH-1", "Re-screening");
        assertThat(api(Who.EXPORTER_A, get("/api/v1/applications/" + id), 200)).doesNotContain("TCH-1", "Re-screening");
    }

    @Test
    void aHardStopCaseNamesNoAdviserTeamToConsult() throws Exception {
        // A government agency stated not to be under independent oversight calls for human-rights advice
        // (REF-HR-GOVERNMENT-END-USER); the sanctions hit stops the case, so there is no one to consult.
        UUID id = submitted(LicensingJson.enhancedReviewDraft(forensicKit(), "Sanctioned Security Agency " + word()));

        JsonNode api = json.readTree(api(Who.CASEWORKER, get("/api/v1/cases/" + id), 200));
        assertThat(api.get("route").asString()).isEqualTo("HARD_STOP");
        assertThat(api.get("assessment").get("routeBasis").toString()).contains("HS-SANCTIONED-PARTY");
        assertThat(api.get("requiredAdvice")).isEmpty();
        assertThat(api.get("outstandingAdvice")).isEmpty();
        String page = page(Who.CASEWORKER, get("/cases/" + id), 200);
        assertThat(page).containsPattern("id=\"advice-outstanding\">—<").doesNotContain("id=\"advice-request\"");
    }

    private UUID submitted(String draft) throws Exception {
        String created = api(
                Who.EXPORTER_A,
                post("/api/v1/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft),
                201);
        UUID id = UUID.fromString(json.readTree(created).get("id").asString());
        api(
                Who.EXPORTER_A,
                put("/api/v1/applications/" + id + "/undertaking")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF),
                200);
        api(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), 200);
        return id;
    }

    private String pentestFramework() {
        return cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
    }

    private String forensicKit() {
        return cast.registeredProduct(
                products, Who.EXPORTER_A, "Mobile forensic extraction kit", TestCast.FORENSIC_KIT);
    }

    /** A made-up word, so that each test's party is its own (letters only: screening folds digits). */
    private static String word() {
        StringBuilder w = new StringBuilder();
        UUID random = UUID.randomUUID();
        for (char ch : random.toString().replace("-", "").substring(0, 8).toCharArray()) {
            w.append((char) ('a' + Character.digit(ch, 16)));
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
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
