package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal access tokens: issued for username and password, stored hashed, refused once expired or revoked. */
@PallasTest
class AccessTokenTests {

    static final String PASSWORD = "token test passphrase";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    @Autowired
    JsonMapper json;

    private TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private JsonNode issue(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password
                                + "\",\"name\":\"cli\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token));
    }

    private static void unauthorizedProblem(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    @Test
    void issuesATokenThatIdentifiesTheCallerAndIsStoredOnlyAsItsSha256() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        JsonNode issued = issue(username, PASSWORD);
        String token = issued.get("token").asString();
        assertThat(token).matches("pallas_[A-Za-z0-9_-]{43}");

        me(token)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.userId").value(cast.userId(username).toString()))
                .andExpect(jsonPath("$.organisationId")
                        .value(cast.organisationOf("northbridge.lee").toString()))
                .andExpect(jsonPath("$.organisationName").value("Northbridge Security Ltd"))
                .andExpect(jsonPath("$.roles[0]").value("EXPORTER"));

        String stored = jdbc.sql("select encode(token_hash, 'hex') from api_token where id = :id")
                .param("id", java.util.UUID.fromString(issued.get("id").asString()))
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(AccessTokens.sha256(token)));
        assertThat(jdbc.sql("select count(*) from api_token where encode(token_hash, 'escape') like :t")
                        .param("t", "%" + token + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void wrongPasswordGetsAProblemWithoutSayingWhichPartWasWrong() throws Exception {
        String username = cast.newUser(users, "calder.weber", PASSWORD, Role.EXPORTER);
        for (String user : new String[] {username, "nobody-" + System.nanoTime()}) {
            mvc.perform(post("/api/v1/tokens")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + user + "\",\"password\":\"wrong password\"}"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(SignIn.WRONG));
        }
    }

    @Test
    void repeatedWrongPasswordsThrottleTheTokenEndpointToo() throws Exception {
        String username = cast.newUser(users, "calder.weber", PASSWORD, Role.EXPORTER);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/tokens")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + username + "\",\"password\":\"wrong\"}"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"wrong\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("Too many failed sign-in attempts")));
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aRevokedTokenIsRefusedWithAProblem() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        JsonNode issued = issue(username, PASSWORD);
        String token = issued.get("token").asString();
        me(token).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/tokens/" + issued.get("id").asString()).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        unauthorizedProblem(me(token));
    }

    @Test
    void anExpiredTokenIsRefusedWithAProblem() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        JsonNode issued = issue(username, PASSWORD);
        jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", java.util.UUID.fromString(issued.get("id").asString()))
                .update();
        unauthorizedProblem(me(issued.get("token").asString()));
    }

    @Test
    void malformedAndUnknownTokensAreRefusedWithAProblem() throws Exception {
        unauthorizedProblem(me("not-a-token"));
        unauthorizedProblem(me("pallas_" + "A".repeat(43)));
        unauthorizedProblem(me("pallas_" + "A".repeat(5000)));
        unauthorizedProblem(mvc.perform(get("/api/v1/me").header("Authorization", "Basic YWRtaW46cGFsbGFz")));
        unauthorizedProblem(mvc.perform(get("/api/v1/me")));
    }

    @Test
    void aDisabledUsersTokenStopsWorking() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        String token = issue(username, PASSWORD).get("token").asString();
        me(token).andExpect(status().isOk());
        users.setEnabled(cast.caller("admin"), cast.userId(username), false);
        unauthorizedProblem(me(token));
    }

    @Test
    void tokensAreListedToTheirOwnerWithoutTheSecret() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        String token = issue(username, PASSWORD).get("token").asString();
        String list = mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("cli"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(token).doesNotContain("hash");
    }
}
