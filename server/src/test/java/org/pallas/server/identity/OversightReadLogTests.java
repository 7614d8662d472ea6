package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.ReadLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every read by an OVERSIGHT user is logged (who, what, when); other readers are not. */
@PallasTest
class OversightReadLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ReadLog readLog;

    @Autowired
    Organisations organisations;

    @Test
    void oversightReadsOfOrganisationsAndUsersAreLoggedByApiAndPage() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        UUID org = organisations
                .create(
                        cast.caller("admin"),
                        new OrganisationInput("Read Log Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, null))
                .id();
        UUID user = cast.userId("calder.fischer");
        long usersBefore = readLog.count("user", user);

        mvc.perform(get("/api/v1/organisations/" + org).header("Authorization", "Bearer " + cast.token("caseworker")))
                .andExpect(status().isOk());
        assertThat(readLog.count("organisation", org))
                .as("a caseworker's read is not oversight")
                .isZero();

        mvc.perform(get("/api/v1/organisations/" + org).header("Authorization", "Bearer " + cast.token("oversight")))
                .andExpect(status().isOk());
        mvc.perform(get("/organisations/" + org).with(cast.session(Who.OVERSIGHT)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/" + user).header("Authorization", "Bearer " + cast.token("oversight")))
                .andExpect(status().isOk());

        assertThat(readLog.count("organisation", org)).isEqualTo(2);
        assertThat(readLog.count("organisation-members", org)).isEqualTo(1);
        assertThat(readLog.count("user", user)).isEqualTo(usersBefore + 1);
        assertThat(jdbc.sql(
                                "select count(*) from oversight_read_log where subject_type = 'organisation' and subject_id = :id and user_id = :u")
                        .param("id", org.toString())
                        .param("u", cast.userId("oversight"))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void oversightCannotChangeAnything() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/users/" + cast.userId("calder.fischer") + "/enabled")
                        .header("Authorization", "Bearer " + cast.token("oversight"))
                        .contentType("application/json")
                        .content("{\"enabled\":false}"))
                .andExpect(status().isForbidden());
    }
}
