package org.pallas.server.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The web form, receipt and follow-up pages without JavaScript, and the caseworker's triage through the pages. */
@PallasTest
class MisuseReportPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    @Test
    void anyoneReportsThroughThePlainFormGetsTheReceiptOnceAndFollowsUpWithoutTheReceiptInAnyUrl() throws Exception {
        MockHttpServletResponse form = mvc.perform(get("/report")).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString())
                .contains("enctype=\"multipart/form-data\"", "<label for=\"account\">", "<label for=\"evidence\">")
                .contains("<legend id=\"targetKinds\">")
                .doesNotContain("<script", "fileUnderOrganisationName");

        String account = "Web form report " + UUID.randomUUID();
        MockHttpServletResponse sent = mvc.perform(multipart("/report")
                        .file(new MockMultipartFile("evidence", "shot.png", "image/png", MisuseDemoSeed.SCREENSHOT))
                        .param("account", account)
                        .param("discovery", "PLATFORM_THREAT_NOTIFICATION")
                        .param("targetKinds", "JOURNALIST", "HUMAN_RIGHTS_DEFENDER")
                        .param("country", "mx")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(sent.getStatus()).isEqualTo(201);
        assertThat(sent.getHeader("Cache-Control")).contains("no-store");
        String page = sent.getContentAsString();
        Matcher receipt =
                Pattern.compile("<code id=\"receipt\">([A-Z2-7-]+)</code>").matcher(page);
        Matcher reference =
                Pattern.compile("id=\"reference\">(MR-\\d{4}-\\d{5})<").matcher(page);
        assertThat(receipt.find()).isTrue();
        assertThat(reference.find()).isTrue();

        MockHttpServletResponse followUp = mvc.perform(post("/report/follow-up")
                        .param("receipt", receipt.group(1))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(followUp.getStatus()).isEqualTo(200);
        assertThat(followUp.getContentAsString())
                .contains(reference.group(1), "No action has been taken yet.")
                .doesNotContainPattern("(href|action)=\"[^\"]*" + receipt.group(1));

        MockHttpServletResponse wrong = mvc.perform(post("/report/follow-up")
                        .param("receipt", "WRONG-RECEIPT")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(wrong.getStatus()).isEqualTo(404);
        assertThat(wrong.getContentAsString()).contains("No report has this receipt");

        // The caseworker finds it in the queue and triages it through the page.
        String queue = mvc.perform(get("/misuse-reports").with(cast.session(Who.CASEWORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher link = Pattern.compile("href=\"/misuse-reports/([0-9a-f-]{36})\">" + reference.group(1))
                .matcher(queue);
        assertThat(link.find()).isTrue();
        String id = link.group(1);
        String report = mvc.perform(get("/misuse-reports/" + id).with(cast.session(Who.CASEWORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report).contains(account, "JOURNALIST, HUMAN_RIGHTS_DEFENDER", "PNG", "MX");
        MockHttpServletResponse refused = mvc.perform(post("/misuse-reports/" + id + "/assessment")
                        .param("evidenceRating", "CORROBORATED")
                        .param("sourceReliability", "C_FAIRLY_RELIABLE")
                        .param("outcome", "NEEDS_INFORMATION")
                        .param("endUsers", "a name without a country")
                        .with(cast.session(Who.CASEWORKER))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("Write each end user as: name, country code");
        MockHttpServletResponse triaged = mvc.perform(post("/misuse-reports/" + id + "/assessment")
                        .param("evidenceRating", "CORROBORATED")
                        .param("sourceReliability", "C_FAIRLY_RELIABLE")
                        .param("outcome", "NEEDS_INFORMATION")
                        .param("reasons", "Consistent with published notifications; awaiting the device.")
                        .param("endUsers", "Centro Nacional de Inteligencia, MX")
                        .with(cast.session(Who.CASEWORKER))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(triaged.getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/misuse-reports/" + id).with(cast.session(Who.CASEWORKER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("CORROBORATED", "Centro Nacional de Inteligencia", "TRIAGED");
    }

    @Test
    void aSignedInCivilSocietyOrganisationMayFileUnderItsNameFromTheForm() throws Exception {
        MockHttpServletResponse form = mvc.perform(get("/report").with(cast.session(Who.CIVIL_SOCIETY)))
                .andReturn()
                .getResponse();
        assertThat(form.getContentAsString()).contains("fileUnderOrganisationName", "Digital Rights Observatory");
        String account = "Filed from the form " + UUID.randomUUID();
        MockHttpServletResponse sent = mvc.perform(multipart("/report")
                        .param("account", account)
                        .param("discovery", "DEVICE_FORENSICS")
                        .param("fileUnderOrganisationName", "true")
                        .with(cast.session(Who.CIVIL_SOCIETY))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(sent.getStatus()).isEqualTo(201);
        Matcher reference =
                Pattern.compile("id=\"reference\">(MR-\\d{4}-\\d{5})<").matcher(sent.getContentAsString());
        assertThat(reference.find()).isTrue();
        assertThat(mvc.perform(get("/misuse-reports").with(cast.session(Who.CIVIL_SOCIETY)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(reference.group(1));
    }
}
