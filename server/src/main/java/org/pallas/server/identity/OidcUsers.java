package org.pallas.server.identity;

import java.io.Serial;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.CallerPrincipal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Maps a user signed in at the OIDC provider to a Pallas user: first by the remembered subject, else by
 * a verified e-mail address (then the subject is remembered, as a recorded change). Nobody is created automatically: an
 * administrator creates the user, with roles, beforehand.
 */
@Component
@ConditionalOnProperty(name = "pallas.auth.oidc.enabled", havingValue = "true")
class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final UserRepository users;
    private final Users accounts;

    OidcUsers(UserRepository users, Users accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidc = delegate.loadUser(request);
        String subject = request.getClientRegistration().getRegistrationId() + ":" + oidc.getSubject();
        String email = Boolean.FALSE.equals(oidc.getEmailVerified()) ? null : oidc.getEmail();
        UUID id = users.byOidcSubjectOrEmail(subject, email)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                        "pallas_unknown_user", "No Pallas account for this identity; ask your administrator.", null)));
        accounts.linkOidcSubject(id, subject);
        Caller caller = users.caller(id).orElseThrow();
        return new PallasOidcUser(oidc, caller);
    }

    /** The OIDC user as a Pallas caller. */
    static final class PallasOidcUser extends DefaultOidcUser implements CallerPrincipal {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Caller caller;

        PallasOidcUser(OidcUser user, Caller caller) {
            super(
                    caller.roles().stream()
                            .map(r -> new SimpleGrantedAuthority(r.authority()))
                            .toList(),
                    user.getIdToken(),
                    user.getUserInfo());
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.username();
        }
    }
}
