package org.pallas.server.identity;

import org.pallas.server.platform.Caller;
import org.pallas.server.platform.KnownCallers;
import org.springframework.stereotype.Component;

/** Identity's answer to "who is this user when signed in", for the modules' demo seeds. */
@Component
class UserCallers implements KnownCallers {

    private final UserRepository users;

    UserCallers(UserRepository users) {
        this.users = users;
    }

    @Override
    public Caller byUsername(String username) {
        return users.caller(username).orElseThrow(() -> new IllegalStateException("No enabled user " + username));
    }

    @Override
    public java.util.Optional<Caller> byUserId(java.util.UUID userId) {
        return users.caller(userId);
    }
}
