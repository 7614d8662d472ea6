package org.pallas.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pallas.screening.importing.ListFormat;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.screening.RestrictedLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Revocation after a new sanctions hit, in a real browser: a licence is live; a list update adds its end user; the
 * party register re-screens, raises an alert and the licence is flagged; the case officer is notified, reviews and
 * suspends; a senior officer revokes; the exporter sees the licence revoked. axe-core checks every page.
 */
@Tag("browser")
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenceRevocationBrowserTests {

    static final String PASSWORD = "pallas-demo-2026";
    static final String END_USER = "Halcyon Tidewater Surveillance Unit";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    RestrictedLists lists;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    /** The exporter files and submits through the API (as vendors integrate); returns the application path. */
    private String submittedApplication() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        String draft = """
                {"type":"INDIVIDUAL","riskTier":2,"endUseCategory":"PENETRATION_TESTING",
                 "details":{
                  "products":[{"productId":"NB-RT-1","name":"Redline assessment toolkit","classification":"CONFIRMED",
                               "controlEntries":["4D004"]}],
                  "parties":[{"partyId":"EU-1","role":"END_USER","name":"%s","countryCode":"DE",
                              "address":"Hafenstrasse 1, Kiel","endUserType":"COMMERCIAL"}],
                  "destinations":["DE"],
                  "endUseStatement":"Authorised penetration testing of the end user's own networks.",
                  "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING"],
                  "quantities":{"seats":5,"concurrentTargets":2,"deployments":1,"updateAndSupportMonths":12}}}
                """.formatted(END_USER);
        String created = mvc.perform(cast.as(
                        Who.EXPORTER_A,
                        post("/api/v1/applications")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(draft),
                        true))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(cast.as(
                        Who.EXPORTER_A,
                        put("/api/v1/applications/" + id + "/undertaking")
                                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                                .content("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                                        .getBytes(StandardCharsets.US_ASCII)),
                        true))
                .andExpect(status().isOk());
        mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), true))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void aNewSanctionsHitOnTheEndUserFlagsTheLiveLicenceAndTheAuthorityRevokesIt() throws Exception {
        String caseId = submittedApplication();

        browser.signIn("caseworker", PASSWORD).open("/cases/" + caseId);
        browser.submit("#assign-to-me");
        browser.submit("#complete-checks");
        browser.find("#outcome-approved").click();
        browser.find("#reasons").sendKeys("Legitimate security testing.");
        browser.submit("#record-decision");
        String reference = browser.find("#licence-reference").getText();
        assertThat(reference).startsWith("LIC-");
        browser.open("/licences");
        browser.assertAccessible();
        browser.open(browser.findAll("#licences a").stream()
                .filter(a -> a.getText().equals(reference))
                .findFirst()
                .orElseThrow()
                .getDomAttribute("href"));
        assertThat(browser.find("#licence-reference").getText()).isEqualTo(reference);
        String licencePath = browser.path();
        assertThat(browser.find("#no-flags").getText()).contains("No open review flags");

        // A list update adds the end user (a project-format list, as an administrator would upload it).
        assertThat(lists.awaitLoaded(Duration.ofMinutes(3))).isTrue();
        String csv = """
                source,entry_id,kind,name,aliases,country,program,listed_on,delisted_on,citation,remarks
                TEST-BROWSER-HITS,TBH-1,organisation,%s,,DE,Test designation,2026-02-01,,test,browser revocation test
                """.formatted(END_USER);
        lists.importVersion(
                ListFormat.PROJECT_CSV,
                "TEST-BROWSER-HITS",
                LocalDate.of(2026, 2, 1),
                List.of(new RestrictedLists.ListFile("test-browser-hits.csv", csv.getBytes(StandardCharsets.UTF_8))),
                null);

        browser.open("/notifications");
        assertThat(browser.text()).contains("Licence " + reference + " flagged for review");
        browser.assertAccessible();
        browser.submit("#notifications a[href='" + licencePath + "']");
        assertThat(browser.find("#review-flags").getText()).contains("New screening hit", "TEST-BROWSER-HITS");
        browser.assertAccessible();
        browser.submit("#suspend");
        assertThat(browser.find("#suspend-reason-error").getText()).contains("Give the reason");
        browser.assertAccessible();
        browser.find("#suspend-reason").sendKeys("New sanctions designation of the end user");
        browser.submit("#suspend");
        assertThat(browser.find("#licence-status").getText()).isEqualTo("Suspended");

        browser.signIn("senior", PASSWORD).open(licencePath);
        browser.find("#revoke-reason").sendKeys("End user designated; the licence cannot stand (UK-SUSPEND)");
        browser.assertAccessible();
        browser.submit("#revoke");
        assertThat(browser.find("#licence-status").getText()).isEqualTo("Revoked");
        assertThat(browser.find("#history").getText())
                .contains("LicenceFlaggedForReview", "LicenceSuspended", "LicenceRevoked");

        browser.signIn("northbridge.lee", PASSWORD).open(licencePath);
        assertThat(browser.find("#licence-status").getText()).isEqualTo("Revoked");
        assertThat(browser.text())
                .doesNotContain(
                        "New screening hit", "NEW_SCREENING_HIT", "TEST-BROWSER-HITS", "LicenceFlaggedForReview");
        browser.assertAccessible();
        browser.open("/notifications");
        assertThat(browser.text())
                .contains("Licence " + reference + " is now revoked")
                .doesNotContain("flagged");
        browser.assertAccessible();
        browser.signOut();
    }
}
