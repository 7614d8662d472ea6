package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.cases.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Open licences: several named end users and destinations, in the API and in a form that works without JavaScript. */
@PallasTest
class OpenLicenceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Cases cases;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private String page(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request.with(cast.session(Who.EXPORTER_A)).with(csrf()))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String api(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(cast.as(Who.EXPORTER_A, request, true))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static String openDraft(String thirdCountry) {
        return """
                {"type":"OPEN","riskTier":1,"endUseCategory":"PENETRATION_TESTING",
                 "details":{
                  "products":[{"productId":"NB-RT-1","name":"Redline assessment toolkit","classification":"CONFIRMED",
                               "controlEntries":["4D004"]}],
                  "parties":[
                   {"partyId":"EU-1","role":"END_USER","name":"Rhein Bank AG","countryCode":"DE","address":"Frankfurt",
                    "endUserType":"COMMERCIAL"},
                   {"partyId":"EU-2","role":"END_USER","name":"Banque du Nord SA","countryCode":"FR","address":"Lille",
                    "endUserType":"COMMERCIAL"},
                   {"partyId":"EU-3","role":"END_USER","name":"Noord Verzekeringen NV","countryCode":"%s",
                    "address":"Groningen","endUserType":"COMMERCIAL"}],
                  "destinations":["DE","FR","NL"],
                  "endUseStatement":"Authorised penetration testing of each customer's own networks.",
                  "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING"],
                  "quantities":{"seats":5,"concurrentTargets":2,"deployments":3,"updateAndSupportMonths":12}}}
                """.formatted(thirdCountry);
    }

    @Test
    void theApiNamesTheFieldOfTheThirdEndUserThatIsWrongAndSubmitsOnceFixed() throws Exception {
        String created = api(
                post("/api/v1/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(openDraft("XX")),
                201);
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        String saved = api(
                put("/api/v1/applications/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(openDraft("XX")),
                200);
        assertThat(saved).contains("\"field\":\"parties[2].countryCode\"");
        api(
                put("/api/v1/applications/" + id + "/undertaking")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF),
                200);
        String refused = api(post("/api/v1/applications/" + id + "/submit"), 400);
        assertThat(refused).contains("parties[2].countryCode");
        api(
                put("/api/v1/applications/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(openDraft("NL")),
                200);
        String submitted = api(post("/api/v1/applications/" + id + "/submit"), 200);
        assertThat(submitted).contains("\"type\":\"OPEN\"").doesNotContain("\"problems\":[{");
        assertThat(cases.draft(cast.caller(Who.EXPORTER_A), id).details().partiesIn(PartyRole.END_USER))
                .hasSize(3);
    }

    @Test
    void theFormAddsAndRemovesEndUserRowsWithoutJavaScriptAndSavesThemAll() throws Exception {
        String location = mvc.perform(post("/applications")
                        .param("type", "OPEN")
                        .with(cast.session(Who.EXPORTER_A))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.replaceAll(".*/applications/([^/]+)/edit", "$1"));
        assertThat(page(get(location), 200))
                .contains("open licence", "Add another end user")
                .doesNotContain("End user 2");
        // "Add another end user" re-renders with a second row, keeping what was typed.
        String added = page(post(location).param("endUserName", "Rhein Bank AG").param("addParty", "END_USER"), 200);
        assertThat(added).contains("End user 2", "id=\"otherParties[0].name\"", "value=\"Rhein Bank AG\"");
        String twoRows = page(
                post(location)
                        .param("otherParties[0].name", "Banque du Nord SA")
                        .param("addParty", "END_USER"),
                200);
        assertThat(twoRows).contains("End user 3", "value=\"Banque du Nord SA\"");
        String removed = page(
                post(location)
                        .param("otherParties[0].name", "Banque du Nord SA")
                        .param("otherParties[1].name", "Noord NV")
                        .param("removeParty", "0"),
                200);
        assertThat(removed).contains("value=\"Noord NV\"").doesNotContain("Banque du Nord SA", "End user 3");
        // Saving with a bad country in the third end user: the message sits at that row's field.
        String bad = page(
                post(location)
                        .param("endUserName", "Rhein Bank AG")
                        .param("endUserCountry", "DE")
                        .param("endUserAddress", "Frankfurt")
                        .param("endUserType", "COMMERCIAL")
                        .param("otherParties[0].name", "Banque du Nord SA")
                        .param("otherParties[0].countryCode", "FR")
                        .param("otherParties[0].address", "Lille")
                        .param("otherParties[0].endUserType", "COMMERCIAL")
                        .param("otherParties[1].name", "Noord NV")
                        .param("otherParties[1].countryCode", "Holland")
                        .param("otherParties[1].address", "Groningen")
                        .param("otherParties[1].endUserType", "COMMERCIAL")
                        .param("destinations", "DE, FR, NL"),
                200);
        assertThat(bad)
                .contains(
                        "href=\"#otherParties[1].countryCode\"",
                        "id=\"otherParties[1].countryCode-error\"",
                        "is not an ISO 3166-1 alpha-2 country code");
        var details = cases.draft(cast.caller(Who.EXPORTER_A), id).details();
        assertThat(details.partiesIn(PartyRole.END_USER))
                .extracting(Party::name)
                .containsExactly("Rhein Bank AG", "Banque du Nord SA", "Noord NV");
        assertThat(details.destinations()).containsExactlyInAnyOrder("DE", "FR", "NL");
        // Reopened, the form shows all three end users.
        assertThat(page(get(location), 200))
                .contains("value=\"Banque du Nord SA\"", "value=\"Noord NV\"", "End user 3");
    }

    @Test
    void anIndividualLicenceFormHasNoFurtherEndUserRows() throws Exception {
        String location = mvc.perform(
                        post("/applications").with(cast.session(Who.EXPORTER_A)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page(get(location), 200)).contains("individual licence").doesNotContain("Add another end user");
    }
}
