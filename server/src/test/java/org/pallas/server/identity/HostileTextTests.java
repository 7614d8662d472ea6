package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.platform.CallerAuthentication;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** Hostile names (markup, quotes, right-to-left overrides, huge strings) are stored as typed and rendered escaped. */
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextTests {

    static final String SCRIPT = "<script>alert('pwned')</script>";
    static final String RTL = "\u202Egnp.exe\u202C \u200F";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Users users;

    private TestCast cast;
    private Organisation org;
    private String orgName;
    private String userName;
    private String username;

    @BeforeAll
    void hostileOrganisationAndUser() {
        cast = new TestCast(jdbc, tokens);
        orgName = SCRIPT + " \"Quoted\" & 'single' " + RTL + " " + UUID.randomUUID();
        org = organisations.create(
                cast.caller("admin"), new OrganisationInput(orgName, OrganisationKind.EXPORTER, "GB"));
        userName = "<img src=x onerror=alert(1)> O'Brien \"Jr\" " + RTL;
        username = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(
                cast.caller("admin"),
                new UserInput(org.id(), username, userName, null, null, Set.of(Role.EXPORTER), "hostile passphrase 1"));
    }

    private String page(String path, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return mvc.perform(get(path).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static void assertEscaped(String html) {
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")
                .doesNotContain("\"Quoted\"");
    }

    @Test
    void organisationNameIsEscapedInEveryPageThatShowsIt() throws Exception {
        var admin = cast.session(Who.ADMIN);
        var member =
                SecurityMockMvcRequestPostProcessors.authentication(new CallerAuthentication(cast.caller(username)));
        for (String html : new String[] {
            page("/organisations", admin),
            page("/organisations/" + org.id(), admin),
            page("/admin/organisations", admin),
            page("/admin/organisations/" + org.id(), admin),
            page("/", member),
            page("/account", member),
            page("/organisations/" + org.id(), member)
        }) {
            assertEscaped(html);
            // Right-to-left overrides are kept (they may be part of a real name) but isolated in <bdi>.
            assertThat(html).contains("\u202E").containsPattern("<bdi>[^<]*&lt;script&gt;");
        }
    }

    @Test
    void userNameIsEscapedInTheHeaderAndInMemberLists() throws Exception {
        var member =
                SecurityMockMvcRequestPostProcessors.authentication(new CallerAuthentication(cast.caller(username)));
        String home = page("/", member);
        assertThat(home)
                .contains("&lt;img src=x onerror=alert(1)&gt; O&#39;Brien &quot;Jr&quot;")
                .doesNotContain("<img src=x");
        String members = page("/admin/organisations/" + org.id(), cast.session(Who.ADMIN));
        assertThat(members).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    @Test
    void jsonKeepsTheTextExactlyAsTyped() throws Exception {
        mvc.perform(get("/api/v1/organisations/" + org.id()).header("Authorization", "Bearer " + cast.token("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(orgName));
    }

    @Test
    void tenThousandCharacterNamesAreRefusedWithAFieldMessage() throws Exception {
        String huge = "N".repeat(10_000);
        mvc.perform(post("/api/v1/organisations")
                        .header("Authorization", "Bearer " + cast.token("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + huge + "\",\"kind\":\"EXPORTER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Name must be 200 characters or fewer"));
        String html = mvc.perform(post("/admin/organisations")
                        .param("name", huge)
                        .param("kind", "EXPORTER")
                        .with(cast.session(Who.ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("There is a problem")
                .contains("href=\"#name\"")
                .contains("Name must be 200 characters or fewer")
                .contains("id=\"name-error\"");
        assertThat(jdbc.sql("select count(*) from organisation where length(name) > 200")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
