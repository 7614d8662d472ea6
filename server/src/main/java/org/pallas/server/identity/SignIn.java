package org.pallas.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.CallerAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Username-and-password sign-in for the web form and the token endpoint. Unknown users, wrong
 * passwords and disabled accounts get the same message after the same Argon2 work, so the answer
 * does not reveal which accounts exist; repeated failures pause sign-in for the username from that
 * source ({@link SignInThrottle}), and a success marks the device as known with the {@code pallas-device}
 * cookie.
 */
@Component
class SignIn implements AuthenticationProvider {

    static final String WRONG = "The username or password is incorrect.";

    private final UserRepository users;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    private final Clock clock;
    /** Secure cookies also over plain HTTP (behind a TLS-terminating proxy), as for the session cookie. */
    private final boolean secureCookies;
    /** Hash of a random password, checked for unknown users so that they cost the same time. */
    private final String decoyHash;

    SignIn(
            UserRepository users,
            SignInThrottle throttle,
            PasswordEncoder encoder,
            Clock clock,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
        this.users = users;
        this.throttle = throttle;
        this.encoder = encoder;
        this.clock = clock;
        this.decoyHash = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    /** A successful sign-in: the caller, and the device token for the {@code pallas-device} cookie. */
    record SignedIn(Caller caller, String deviceToken) {}

    /**
     * The caller for these credentials from this source; else a {@link BadCredentialsException} or a {@link
     * SignInPaused}.
     */
    SignedIn verify(String username, String password, SignInSource from) {
        if (username == null || password == null || username.isBlank()) {
            throw new BadCredentialsException(WRONG);
        }
        SignInThrottle.Source source = throttle.source(username, from);
        throttle.pausedUntil(username, source).ifPresent(until -> {
            throw new SignInPaused(until, clock.instant());
        });
        Optional<UserRepository.Credentials> credentials = users.credentials(username.strip());
        String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(null);
        boolean matches = encoder.matches(password, hash == null ? decoyHash : hash) && hash != null;
        Optional<Caller> caller = matches && credentials.get().enabled()
                ? users.caller(credentials.get().userId())
                : Optional.empty();
        if (caller.isEmpty()) {
            throttle.fail(username, source).ifPresent(until -> {
                throw new SignInPaused(until, clock.instant());
            });
            throw new BadCredentialsException(WRONG);
        }
        return new SignedIn(caller.get(), throttle.succeeded(username, source));
    }

    /** Sets the {@code pallas-device} cookie of a successful sign-in on the response. */
    void rememberDevice(HttpServletRequest request, HttpServletResponse response, SignedIn signedIn) {
        SignInSource.remember(
                response, signedIn.deviceToken(), throttle.deviceLifetime(), secureCookies || request.isSecure());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String password = authentication.getCredentials() == null
                ? null
                : authentication.getCredentials().toString();
        // The form sign-in runs in Spring Security's filter chain, inside Spring's request context.
        ServletRequestAttributes web = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        SignedIn signedIn = verify(authentication.getName(), password, SignInSource.of(web.getRequest()));
        rememberDevice(web.getRequest(), web.getResponse(), signedIn);
        return new CallerAuthentication(signedIn.caller());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
