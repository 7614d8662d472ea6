package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A token, a role grant or a licence inserted straight into the database (as a local superuser could) has no ledger
 * entry, and is not honoured: the token does not authenticate, the role is not held, the licence is not shown.
 */
@PallasTest
class UnrecordedRowsTests {

    static final String PASSWORD = "unrecorded rows passphrase";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    @Autowired
    TransactionTemplate tx;

    private TestCast cast() {
        return new TestCast(jdbc, tokens);
    }

    private MockHttpServletResponse withToken(String token, String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
    }

    @Test
    void aTokenInsertedWithoutItsLedgerEntryDoesNotAuthenticate() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token =
                AccessTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                insert into api_token (id, user_id, name, token_hash, created_at, expires_at)
                values (:id, :user, 'smuggled', :hash, :now, :expires)""")
                .param("id", UUID.randomUUID())
                .param("user", cast().userId(Who.ADMIN.username))
                .param("hash", AccessTokens.sha256(token))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(1, ChronoUnit.DAYS)))
                .update();
        try {
            assertThat(withToken(token, "/api/v1/me").getStatus()).isEqualTo(401);
            // The same kind of token issued through Pallas works.
            assertThat(withToken(cast().token(Who.ADMIN.username), "/api/v1/me").getStatus())
                    .isEqualTo(200);
        } finally {
            jdbc.sql("delete from api_token where name = 'smuggled'").update();
        }
    }

    @Test
    void aRoleGrantedWithoutItsLedgerEntryIsNotHeld() throws Exception {
        String username = cast().newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        UUID userId = jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
        String token = tokens.issue(cast().caller(username), "cli").token();
        jdbc.sql("insert into user_role (user_id, role) values (:id, 'ADMIN')")
                .param("id", userId)
                .update();
        try {
            MockHttpServletResponse me = withToken(token, "/api/v1/me");
            assertThat(me.getStatus()).isEqualTo(200);
            assertThat((List<String>) JsonPath.read(me.getContentAsString(), "$.roles"))
                    .containsExactly("EXPORTER");
            MockHttpServletResponse create = mvc.perform(post("/api/v1/organisations")
                            .header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Escalated " + UUID.randomUUID() + "\",\"kind\":\"EXPORTER\"}"))
                    .andReturn()
                    .getResponse();
            assertThat(create.getStatus()).isEqualTo(403);
        } finally {
            // Other tests' integrity checks must not see the smuggled role.
            jdbc.sql("delete from user_role where user_id = :id and role = 'ADMIN'")
                    .param("id", userId)
                    .update();
        }
    }

    @Test
    void aLicenceInsertedWithoutItsLedgerEntryIsNotShownAsInForce() throws Exception {
        UUID organisation = cast().organisationOf(Who.EXPORTER_A.username);
        UUID caseId = jdbc.sql("""
                select c.id from licensing_case c
                where c.organisation_id = :org and not exists (select 1 from licensing_licence l where l.case_id = c.id)
                order by c.id limit 1""").param("org", organisation).query(UUID.class).single();
        UUID forged = UUID.randomUUID();
        String reference = "LIC-FORGED" + forged.toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        tx.executeWithoutResult(s -> {
            // A copy of a real licence row, for the case that never had one.
            jdbc.sql("create temporary table forged on commit drop as select * from licensing_licence limit 1")
                    .update();
            jdbc.sql("update forged set id = :id, reference = :ref, case_id = :case, organisation_id = :org")
                    .param("id", forged)
                    .param("ref", reference)
                    .param("case", caseId)
                    .param("org", organisation)
                    .update();
            jdbc.sql("insert into licensing_licence select * from forged").update();
        });
        try {
            String token = cast().token(Who.EXPORTER_A.username);
            MockHttpServletResponse list = withToken(token, "/api/v1/licences");
            assertThat(list.getStatus()).isEqualTo(200);
            assertThat(list.getContentAsString()).doesNotContain(reference).doesNotContain(forged.toString());
            assertThat(withToken(token, "/api/v1/licences/" + forged).getStatus())
                    .isEqualTo(404);
            MockHttpServletResponse application = withToken(token, "/api/v1/applications/" + caseId);
            assertThat(application.getContentAsString()).doesNotContain(reference);
        } finally {
            jdbc.sql("delete from licensing_licence where id = :id")
                    .param("id", forged)
                    .update();
        }
    }
}
