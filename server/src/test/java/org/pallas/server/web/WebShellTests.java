package org.pallas.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The layout and home dashboards: one main landmark, skip link, labelled navigation, role-aware links. */
@PallasTest
class WebShellTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    private TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private String home(Who who) throws Exception {
        var response = mvc.perform(get("/").with(cast.session(who))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static int count(String html, String regex) {
        return (int) Pattern.compile(regex).matcher(html).results().count();
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = "ANON", mode = EnumSource.Mode.EXCLUDE)
    void everyRoleGetsOneLandmarkedPageWithSkipLinkNavigationAndSignOut(Who who) throws Exception {
        String html = home(who);
        assertThat(count(html, "<main\\b")).isEqualTo(1);
        assertThat(html)
                .contains("<html lang=\"en\"")
                .contains("<a class=\"skip-link\" href=\"#main\">")
                .contains("<main id=\"main\"")
                .contains("<nav aria-label=\"Main\"")
                .contains("id=\"sign-out\"")
                .contains("aria-current=\"page\"");
        assertThat(count(html, "<h1\\b")).isEqualTo(1);
        assertThat(html).doesNotContain("<script").doesNotContain("style=\"");
    }

    @Test
    void navigationShowsWhatEachRoleMayUse() throws Exception {
        assertThat(home(Who.ADMIN)).contains("href=\"/admin/organisations\"").contains("href=\"/organisations\"");
        assertThat(home(Who.CASEWORKER))
                .doesNotContain("href=\"/admin/organisations\"")
                .contains("href=\"/organisations\"");
        assertThat(home(Who.EXPORTER_A))
                .doesNotContain("href=\"/admin/organisations\"")
                .doesNotContain("href=\"/organisations\"")
                .contains("href=\"/organisation\"")
                .contains("href=\"/account\"");
    }

    @Test
    void eachRoleHasItsOwnDashboard() throws Exception {
        assertThat(home(Who.EXPORTER_A))
                .contains("You file export-licence applications")
                .contains("Northbridge Security Ltd");
        assertThat(home(Who.OVERSIGHT)).contains("every record you open is logged");
        assertThat(home(Who.ADMIN)).contains("Manage organisations and users");
        assertThat(home(Who.EXPORTER_A)).doesNotContain("Manage organisations and users");
        assertThat(home(Who.CIVIL_SOCIETY)).contains("public transparency records");
        // The organisation tile is a fragment that counts members of the caller's own organisation.
        assertThat(home(Who.EXPORTER_B))
                .containsPattern("Calder Forensics GmbH</bdi> — <span>Exporter</span>,\\s*<span>\\d+</span> users");
    }

    @Test
    void cssIsServedLocallyToEveryone() throws Exception {
        var response = mvc.perform(get("/css/pallas.css")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains(":focus-visible");
    }
}
