package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * While the sequencer cannot sequence (stopped, failing, the lock holder hung), writes are refused with 503 and
 * Retry-After instead of being acknowledged and never signed; reads go on. The test context sequences by hand with a
 * one-day limit, so the test makes the oldest pending entry two days old, as a stopped sequencer would leave it.
 */
@PallasTest
class LedgerAvailabilityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LedgerAvailability availability;

    @Autowired
    Sequencer sequencer;

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void sequenceWhatWaits() {
        sequencer.sequenceAll();
        availability.judge();
    }

    /** Records a change and leaves its entry unsequenced for two days, by the database's clock. */
    private void stalledForTwoDays() {
        organisations.create(
                new TestCast(jdbc, tokens).caller(Who.ADMIN),
                new OrganisationInput("Stalled Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, ""));
        jdbc.sql("update ledger_entry set written_at = now() - interval '2 days' where leaf_index is null")
                .update();
    }

    private MockHttpServletResponse createOrganisation(String name) throws Exception {
        return mvc.perform(new TestCast(jdbc, tokens)
                        .as(
                                Who.ADMIN,
                                post("/api/v1/organisations")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"name\":\"" + name + "\",\"kind\":\"EXPORTER\"}"),
                                true))
                .andReturn()
                .getResponse();
    }

    private long organisationsNamed(String name) {
        return jdbc.sql("select count(*) from organisation where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    @Test
    void refusesApiWritesWith503AndRetryAfterWhileAnEntryWaitsTooLongAndAcceptsThemOnceSequenced() throws Exception {
        stalledForTwoDays();
        assertThat(availability.judge()).isFalse();
        assertThat(availability.backlog())
                .hasValueSatisfying(age -> assertThat(age.toHours()).isGreaterThanOrEqualTo(47));

        String refused = "Refused Org " + UUID.randomUUID();
        MockHttpServletResponse response = createOrganisation(refused);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("86400");
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = response.getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(503);
        assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo(LedgerWriteGate.REFUSED);
        assertThat(organisationsNamed(refused)).isZero();

        // Reads are served meanwhile.
        assertThat(mvc.perform(get("/api/v1/ledger/entries"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(new TestCast(jdbc, tokens).as(Who.ADMIN, get("/api/v1/organisations"), true))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        sequencer.sequenceAll();
        assertThat(availability.judge()).isTrue();
        String accepted = "Accepted Org " + UUID.randomUUID();
        assertThat(createOrganisation(accepted).getStatus()).isEqualTo(201);
        assertThat(organisationsNamed(accepted)).isOne();
    }

    @Test
    void refusesWebFormPostsWith503ButStillServesPages() throws Exception {
        stalledForTwoDays();
        availability.judge();
        TestCast cast = new TestCast(jdbc, tokens);
        MockHttpServletResponse post = mvc.perform(
                        cast.as(Who.EXPORTER_A, post("/notifications/read").with(csrf()), false))
                .andReturn()
                .getResponse();
        assertThat(post.getStatus()).isEqualTo(503);
        assertThat(post.getHeader("Retry-After")).isEqualTo("86400");
        assertThat(mvc.perform(cast.as(Who.EXPORTER_A, get("/notifications"), false))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aFreshBacklogDoesNotRefuseWrites() {
        organisations.create(
                new TestCast(jdbc, tokens).caller(Who.ADMIN),
                new OrganisationInput("Fresh Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, ""));
        assertThat(availability.judge()).isTrue();
        assertThat(availability.backlog()).isPresent();
    }

    @Test
    void theApiDocumentTellsClientsThatWritesMayBeRefusedWithRetryAfter() throws Exception {
        String api = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(
                        api, "$.paths['/api/v1/organisations'].post.responses['503'].headers['Retry-After']"))
                .isNotNull();
        Map<String, Object> reads = JsonPath.read(api, "$.paths['/api/v1/organisations'].get.responses");
        assertThat(reads).containsKey("200").doesNotContainKey("503");
    }
}
