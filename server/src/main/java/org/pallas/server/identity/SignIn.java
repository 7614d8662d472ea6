package org.pallas.server.identity;

import java.util.Optional;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.CallerAuthentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username-and-password sign-in for the web form and the token endpoint. Unknown users, wrong
 * passwords and disabled accounts get the same message after the same Argon2 work, so the answer
 * does not reveal which accounts exist; repeated failures pause sign-in for the username.
 */
@Component
class SignIn implements AuthenticationProvider {

    static final String WRONG = "The username or password is incorrect.";

    private final UserRepository users;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    /** Hash of a random password, checked for unknown users so that they cost the same time. */
    private final String decoyHash;

    SignIn(UserRepository users, SignInThrottle throttle, PasswordEncoder encoder) {
        this.users = users;
        this.throttle = throttle;
        this.encoder = encoder;
        this.decoyHash = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    String lockedMessage() {
        return "Too many failed sign-in attempts. Sign-in for this username is paused for "
                + throttle.lockout().toMinutes() + " minutes; try again later or ask an administrator.";
    }

    /** The caller for these credentials, or a {@link BadCredentialsException} / {@link LockedException}. */
    Caller verify(String username, String password) {
        if (username == null || password == null || username.isBlank()) {
            throw new BadCredentialsException(WRONG);
        }
        if (throttle.locked(username)) {
            throw new LockedException(lockedMessage());
        }
        Optional<UserRepository.Credentials> credentials = users.credentials(username.strip());
        String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(null);
        boolean matches = encoder.matches(password, hash == null ? decoyHash : hash) && hash != null;
        Optional<Caller> caller = matches && credentials.get().enabled()
                ? users.caller(credentials.get().userId())
                : Optional.empty();
        if (caller.isEmpty()) {
            if (throttle.fail(username)) {
                throw new LockedException(lockedMessage());
            }
            throw new BadCredentialsException(WRONG);
        }
        throttle.succeeded(username);
        return caller.get();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String password = authentication.getCredentials() == null
                ? null
                : authentication.getCredentials().toString();
        return new CallerAuthentication(verify(authentication.getName(), password));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
