package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.CallerPrincipal;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;

/** Single sign-on (switched on in the test configuration): the login link, the redirect, the account mapping. */
@PallasTest
class OidcSignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OidcUsers oidcUsers;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    JdbcClient jdbc;

    private OidcUserRequest request(String subject, String email) {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        OidcIdToken idToken = new OidcIdToken(
                "id-token",
                now,
                now.plusSeconds(300),
                Map.of("sub", subject, "email", email, "email_verified", true, "iss", "https://sso.test.invalid"));
        OAuth2AccessToken access =
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(300));
        return new OidcUserRequest(registrations.findByRegistrationId("test-sso"), access, idToken);
    }

    @Test
    void theLoginPageOffersTheProviderAndSendsTheBrowserThere() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("href=\"/oauth2/authorization/test-sso\"").contains("Sign in with Test SSO");
        String location = mvc.perform(get("/oauth2/authorization/test-sso"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location)
                .startsWith("https://sso.test.invalid/authorize?")
                .contains("client_id=pallas-test")
                .contains("scope=openid%20email")
                .contains("state=")
                .contains("nonce=")
                .contains("redirect_uri=http://localhost/login/oauth2/code/test-sso");
    }

    @Test
    void mapsTheProviderIdentityToThePallasUserByEmailThenBySubject() {
        OidcUser user = oidcUsers.loadUser(request("sub-auditor-1", "auditor@demo.pallas.invalid"));
        Caller caller = ((CallerPrincipal) user).caller();
        assertThat(caller.username()).isEqualTo("auditor");
        assertThat(caller.roles()).containsExactly(Role.AUDITOR);
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AUDITOR");
        assertThat(jdbc.sql("select oidc_subject from app_user where username = 'auditor'")
                        .query(String.class)
                        .single())
                .isEqualTo("test-sso:sub-auditor-1");
        // The subject is remembered: a changed e-mail at the provider still finds the same user.
        OidcUser again = oidcUsers.loadUser(request("sub-auditor-1", "karl.jensen@new-address.invalid"));
        assertThat(((CallerPrincipal) again).caller().username()).isEqualTo("auditor");
    }

    @Test
    void refusesIdentitiesWithoutAPallasAccount() {
        assertThatThrownBy(() -> oidcUsers.loadUser(request("sub-stranger", "stranger@elsewhere.invalid")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("No Pallas account");
    }

    @Test
    void linkingTheProviderSubjectIsARecordedChangeMadeOnce() throws Exception {
        String email = jdbc.sql("select email from app_user where username = 'oversight'")
                .query(String.class)
                .single();
        String userId = jdbc.sql("select id::text from app_user where username = 'oversight'")
                .query(String.class)
                .single();
        oidcUsers.loadUser(request("sub-oversight-1", email));
        oidcUsers.loadUser(request("sub-oversight-1", email));

        assertThat(jdbc.sql(
                                "select type from ledger_entry where subject_type = 'user' and subject_id = :id order by seq")
                        .param("id", userId)
                        .query(String.class)
                        .list())
                .containsOnlyOnce("identity.user.oidc-linked")
                .last()
                .isEqualTo("identity.user.oidc-linked");
        String entry = jdbc.sql("select convert_from(entry, 'UTF8') from ledger_entry where subject_id = :id "
                        + "and type = 'identity.user.oidc-linked'")
                .param("id", userId)
                .query(String.class)
                .single();
        assertThat(entry).contains("\"provider\":\"test-sso\"").doesNotContain("sub-oversight-1");
        byte[] record = jdbc.sql("select p.record from ledger_payload p join ledger_entry e "
                        + "on e.seq = p.seq where e.subject_id = :id and e.type = 'identity.user.oidc-linked'")
                .param("id", userId)
                .query(byte[].class)
                .single();
        assertThat(new String(
                        org.pallas.ledger.record.LedgerRecord.decode(record).payload(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"subject\":\"test-sso:sub-oversight-1\"")
                .contains("\"oidcSubject\":\"test-sso:sub-oversight-1\"");
    }
}
