package org.pallas.server.platform;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Injectable access to the {@link Caller} of the current request (handy to replace in tests). */
@Component
public class CallerProvider {

    /** The signed-in caller; throws when nobody is signed in. */
    public Caller current() {
        return Caller.current();
    }

    public Optional<Caller> find() {
        return Caller.find();
    }
}
