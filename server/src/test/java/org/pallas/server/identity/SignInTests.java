package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestBrowser;
import org.pallas.server.TestCast;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Web sign-in: Argon2id, throttling without user enumeration, sessions in PostgreSQL, CSRF, headers, logout. */
@PallasTest
class SignInTests {

    static final String PASSWORD = "a sound passphrase";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    @LocalServerPort
    int port;

    private TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    /** Signs in with a fresh browser and returns the page shown after the redirect. */
    private String pageAfterSignIn(String username, String password) throws Exception {
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> posted = browser.signIn(username, password);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(posted)).isEqualTo("/login?error");
        return browser.get("/login?error").body();
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void storesPasswordsAsArgon2idWithTheDocumentedParameters() {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        String hash = jdbc.sql("select password_hash from app_user where username = :u")
                .param("u", username)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    }

    @Test
    void signsInOverRealHttpAndKeepsTheSessionInPostgres() throws Exception {
        String username = cast.newUser(users, "calder.weber", PASSWORD, Role.EXPORTER);
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(signedIn)).isEqualTo("/");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .as("sessions stored in PostgreSQL, shared by all instances")
                .isEqualTo(1);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Calder Forensics GmbH").contains("id=\"sign-out\"");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        String known = pageAfterSignIn(username, "not the password");
        String unknown = pageAfterSignIn("no-such-user-" + System.nanoTime(), "not the password");
        assertThat(known).contains(SignIn.WRONG);
        assertThat(withoutCsrf(known)).isEqualTo(withoutCsrf(unknown));
    }

    @Test
    void pausesAUsernameFromOneSourceAfterFiveFailuresWithAClearMessageEvenForTheRightPassword() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        for (int i = 0; i < 4; i++) {
            assertThat(pageAfterSignIn(username, "wrong " + i)).contains(SignIn.WRONG);
        }
        assertThat(pageAfterSignIn(username, "wrong 5")).contains("Too many failed sign-in attempts");
        // Paused for this source: even the right password is refused, with the same clear message.
        assertThat(pageAfterSignIn(username, PASSWORD)).contains("Too many failed sign-in attempts");
    }

    @Test
    void pausesUnknownUsernamesExactlyLikeKnownOnesSoNothingIsRevealed() throws Exception {
        String unknown = "ghost-" + System.nanoTime();
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pages.add(pageAfterSignIn(unknown, "wrong " + i));
        }
        assertThat(pages.subList(0, 4)).allMatch(p -> p.contains(SignIn.WRONG));
        assertThat(pages.subList(4, 6)).allMatch(p -> p.contains("Too many failed sign-in attempts"));
    }

    @Test
    void unknownUsersCostAboutAsMuchTimeAsWrongPasswords() throws Exception {
        String username = cast.newUser(users, "calder.weber", PASSWORD, Role.EXPORTER);
        long known = 0;
        long unknown = 0;
        for (int i = 0; i < 3; i++) { // below the lockout threshold
            long t0 = System.nanoTime();
            mvc.perform(post("/login")
                    .param("username", username)
                    .param("password", "wrong")
                    .with(csrf()));
            long t1 = System.nanoTime();
            mvc.perform(post("/login")
                    .param("username", "nobody-" + System.nanoTime())
                    .param("password", "wrong")
                    .with(csrf()));
            long t2 = System.nanoTime();
            known += t1 - t0;
            unknown += t2 - t1;
        }
        double ratio = (double) unknown / known;
        assertThat(ratio).as("unknown/known sign-in time").isBetween(0.4, 2.5);
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRejected() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "pallas-demo-2026"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").param("name", "forged").with(cast.session(TestCast.Who.EXPORTER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/organisations")
                        .param("name", "Forged Ltd")
                        .param("kind", "EXPORTER")
                        .with(cast.session(TestCast.Who.ADMIN))
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from organisation where name = 'Forged Ltd'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(username, PASSWORD);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        HttpResponse<String> out = browser.post("/logout", java.util.Map.of(), true);
        assertThat(TestBrowser.location(out)).isEqualTo("/login?signed-out");
        assertThat(browser.get("/login?signed-out").body()).contains("You have signed out.");
        HttpResponse<String> after = browser.get("/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(after)).isEqualTo("/login");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void disablingAUserEndsTheirSessions() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(username, PASSWORD);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        users.setEnabled(cast.caller("admin"), cast.userId(username), false);
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
        assertThat(pageAfterSignIn(username, PASSWORD)).contains(SignIn.WRONG);
    }

    @Test
    void aForgedLogoutWithoutCsrfTokenDoesNotSignOut() throws Exception {
        String username = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(username, PASSWORD);
        assertThat(browser.post("/logout", java.util.Map.of(), false).statusCode())
                .isEqualTo(403);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(result -> {
                    String csp = result.getResponse().getHeader("Content-Security-Policy");
                    assertThat(csp)
                            .contains("frame-ancestors 'none'")
                            .contains("script-src 'self'")
                            .doesNotContain("unsafe-inline")
                            .doesNotContain("unsafe-eval");
                });
    }

    @Test
    void theLoginPageHasTheFieldsTheBrowserTestsUse() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains("id=\"username\"")
                .contains("id=\"password\"")
                .contains("id=\"sign-in\"")
                .contains("<label for=\"username\">")
                .contains("<label for=\"password\">")
                .contains("<main id=\"main\"")
                .contains("href=\"#main\"");
    }
}
