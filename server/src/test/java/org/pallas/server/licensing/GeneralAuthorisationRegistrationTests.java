package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Registering under a general authorisation and reporting uses, in the API and on the pages: eligibility with reasons
 * citing rule IDs, once per organisation, on the ledger, and isolated between exporters.
 */
@PallasTest
class GeneralAuthorisationRegistrationTests {

    static final String TERMS = "PALLAS-GA-DEMO-001";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    RecordedChanges recorded;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private String api(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(cast.as(who, request, true))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String page(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request.with(cast.session(who)).with(csrf()))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String registration(String entries, String destinations, String types) {
        return """
                {"controlEntries":[%s],"destinations":[%s],"endUserTypes":[%s],
                 "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING","TERMINATION_ON_MISUSE"]}""".formatted(entries, destinations, types);
    }

    @Test
    void anExporterRegistersOnceReportsUsesAndBothAreOnTheLedgerAndHiddenFromOtherExporters() throws Exception {
        // Refused first, with a reason per field citing the terms' rule IDs.
        String refused = api(
                Who.EXPORTER_B,
                post("/api/v1/general-authorisations/" + TERMS + "/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration("\"4D004\",\"5A004.b\"", "\"NO\",\"AE\"", "\"GOVERNMENT\"")),
                400);
        assertThat(refused)
                .contains(
                        "\"field\":\"controlEntries\"",
                        "5A004.b is not covered by " + TERMS,
                        "AE is not a destination",
                        "GOVERNMENT end users are not covered",
                        "EU-LIC-UGEA",
                        "unverified");
        int mark = recorded.mark();
        String created = api(
                Who.EXPORTER_B,
                post("/api/v1/general-authorisations/" + TERMS + "/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration("\"4D004\"", "\"NO\",\"JP\"", "\"COMMERCIAL\"")),
                201);
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(recorded.since(mark)).anySatisfy(c -> {
            assertThat(c.change().type()).isEqualTo("licensing.general-authorisation.registered");
            assertThat(c.change().subjectId()).isEqualTo(id);
            assertThat(c.inTransaction()).isTrue();
        });
        // Once only.
        String again = api(
                Who.EXPORTER_B,
                post("/api/v1/general-authorisations/" + TERMS + "/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration("\"4D004\"", "\"NO\"", "\"COMMERCIAL\"")),
                400);
        assertThat(again).contains("already registered under " + TERMS);
        // A use inside the registration, then one outside it.
        String today = LocalDate.now(ServiceLevelClock.UK).toString();
        int mark2 = recorded.mark();
        api(
                Who.EXPORTER_B,
                post("/api/v1/general-authorisations/registrations/" + id + "/uses")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"usedOn":"%s","destination":"no","endUserName":"Nordsjø Bank ASA","endUserType":"COMMERCIAL",
                         "controlEntry":"4D004","quantity":3,"description":"Three red-team seats"}""".formatted(today)),
                201);
        assertThat(recorded.since(mark2))
                .extracting(c -> c.change().type())
                .contains("licensing.general-authorisation.use-reported");
        String outside = api(
                Who.EXPORTER_B,
                post("/api/v1/general-authorisations/registrations/" + id + "/uses")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"usedOn":"%s","destination":"US","endUserName":"Acme","endUserType":"COMMERCIAL",
                         "controlEntry":"4D004","quantity":1,"description":"A seat"}""".formatted(today)),
                400);
        assertThat(outside).contains("\"field\":\"destination\"", "US is not a destination of this registration");
        String read = api(Who.EXPORTER_B, get("/api/v1/general-authorisations/registrations/" + id), 200);
        assertThat(read).contains("Nordsjø Bank ASA", "\"quantity\":3").doesNotContain("Acme");
        // Another exporter: not found. The authority and oversight read it.
        api(Who.EXPORTER_A, get("/api/v1/general-authorisations/registrations/" + id), 404);
        api(
                Who.EXPORTER_A,
                post("/api/v1/general-authorisations/registrations/" + id + "/uses")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"),
                404);
        api(Who.CASEWORKER, get("/api/v1/general-authorisations/registrations/" + id), 200);
        assertThat(api(Who.OVERSIGHT, get("/api/v1/general-authorisations/registrations"), 200))
                .contains(id);
        assertThat(api(Who.EXPORTER_A, get("/api/v1/general-authorisations/registrations"), 200))
                .doesNotContain(id);
        // The pages show the registration and its uses to the registrant, with the report form.
        String html = page(Who.EXPORTER_B, get("/general-authorisations/registrations/" + id), 200);
        assertThat(html).contains("Nordsjø Bank ASA", "Report the use", TERMS);
        page(Who.EXPORTER_A, get("/general-authorisations/registrations/" + id), 404);
    }

    @Test
    void thePagesShowTheTermsAndRefuseAnIneligibleRegistrationWithFieldMessages() throws Exception {
        String terms = page(Who.EXPORTER_A, get("/general-authorisations/" + TERMS), 200);
        assertThat(terms).contains("Register under these terms", "EU-LIC-UGEA", "unverified");
        String refused = page(
                Who.EXPORTER_A,
                post("/general-authorisations/" + TERMS + "/register")
                        .param("controlEntries", "5A004.b")
                        .param("destinations", "AE")
                        .param("endUserTypes", "COMMERCIAL"),
                400);
        assertThat(refused)
                .contains(
                        "href=\"#controlEntries\"",
                        "5A004.b is not covered by " + TERMS,
                        "AE is not a destination",
                        "requires the safeguard AUDIT_RIGHTS");
        assertThat(page(Who.CASEWORKER, get("/general-authorisations/" + TERMS), 200))
                .doesNotContain("Register under these terms");
        page(Who.EXPORTER_A, get("/general-authorisations/NO-SUCH-TERMS"), 404);
    }

    @Test
    void aUseReportedOnThePageOutsideTheRegistrationGetsFieldMessages() throws Exception {
        String location = mvc.perform(post("/general-authorisations/" + TERMS + "/register")
                        .with(cast.session(Who.EXPORTER_A))
                        .with(csrf())
                        .param("controlEntries", "4D004, 4A005")
                        .param("destinations", "CA, NZ")
                        .param("endUserTypes", "COMMERCIAL")
                        .param("safeguards", "AUDIT_RIGHTS", "NO_ONWARD_TRANSFER", "LOGGING", "TERMINATION_ON_MISUSE"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String bad = page(
                Who.EXPORTER_A,
                post(location + "/uses")
                        .param("usedOn", "not a date")
                        .param("destination", "CA")
                        .param("endUserName", "Maple Bank")
                        .param("endUserType", "COMMERCIAL")
                        .param("controlEntry", "4D004")
                        .param("quantity", "x")
                        .param("description", "Seats"),
                400);
        assertThat(bad).contains("href=\"#usedOn\"", "enter the date as yyyy-mm-dd", "enter a whole number");
        String outside = page(
                Who.EXPORTER_A,
                post(location + "/uses")
                        .param("usedOn", "2020-01-01")
                        .param("destination", "FR")
                        .param("endUserName", "Maple Bank")
                        .param("endUserType", "COMMERCIAL")
                        .param("controlEntry", "4D004")
                        .param("quantity", "1")
                        .param("description", "Seats"),
                400);
        assertThat(outside)
                .contains("FR is not a destination of this registration", "the use predates the registration");
        mvc.perform(post(location + "/uses")
                        .with(cast.session(Who.EXPORTER_A))
                        .with(csrf())
                        .param("usedOn", LocalDate.now(ServiceLevelClock.UK).toString())
                        .param("destination", "NZ")
                        .param("endUserName", "Kiwi Bank")
                        .param("endUserType", "COMMERCIAL")
                        .param("controlEntry", "4A005")
                        .param("quantity", "2")
                        .param("description", "Two appliances"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(Who.EXPORTER_A, get(location), 200)).contains("Kiwi Bank", "4A005");
    }
}
