package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.ledger.IntegrityCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The ledger's integrity check vouches for a case's stored commands (as RecordedCaseState digests them) and names a case whose commands were edited. */
@PallasTest
class RecordedCaseStateTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ProductRegister products;

    @Autowired
    IntegrityCheck check;

    private String call(TestCast cast, Who who, MockHttpServletRequestBuilder request, boolean api, int expected)
            throws Exception {
        MockHttpServletRequestBuilder r = api
                ? cast.as(who, request, true)
                : request.with(cast.session(who)).with(csrf());
        return mvc.perform(r)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /**
     * A discrepancy between the row and its latest entry (this test's subject). Other tests in the shared context
     * tamper with the ledger's own tables, which the check reports as leaf or record problems; those are not ours.
     */
    private static boolean aboutTheRow(IntegrityCheck.Discrepancy d) {
        return d.problem().matches("^(organisationId|reference|status|commands|commandsDigest) is .*")
                || d.problem().contains("has no ledger entry")
                || d.problem().contains("records no state");
    }

    /** The exporter's penetration-testing framework in its product register (4D004, tier 2). */
    private String redline() {
        return new TestCast(jdbc, tokens)
                .registeredProduct(products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
    }

    @Test
    void aCaseChangedOnlyThroughPallasMatchesItsLatestEntryAndAnEditedCommandIsNamed() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        String created = call(
                cast,
                Who.EXPORTER_A,
                post("/api/v1/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LicensingJson.fastTrackDraft(redline(), "Rhein Bank AG")),
                true,
                201);
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        call(
                cast,
                Who.EXPORTER_A,
                put("/api/v1/applications/" + id + "/undertaking")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LicensingJson.PDF),
                true,
                200);
        call(cast, Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), true, 200);
        call(cast, Who.CASEWORKER, post("/cases/" + id + "/assign"), false, 302);
        call(
                cast,
                Who.CASEWORKER,
                post("/cases/" + id + "/information-request").param("question", "Which unit?"),
                false,
                302);

        assertThat(check.run().discrepancies()).noneMatch(d -> d.subjectId().equals(id.toString()) && aboutTheRow(d));

        jdbc.sql("""
                update licensing_case_command set payload = jsonb_set(payload, '{question}', '"Something else?"')
                where case_id = :id and kind = 'RequestInformation'""").param("id", id).update();
        assertThat(check.run().discrepancies())
                .filteredOn(d -> d.subjectId().equals(id.toString()) && aboutTheRow(d))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.subjectType()).isEqualTo("case");
                    assertThat(d.problem()).startsWith("commands is");
                });
    }
}
