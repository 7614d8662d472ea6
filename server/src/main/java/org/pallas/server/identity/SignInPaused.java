package org.pallas.server.identity;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Sign-in for this username from this source is paused until {@link #until()} (429 with Retry-After). */
class SignInPaused extends LockedException {

    private final Instant until;

    SignInPaused(Instant until, Instant now) {
        super(message(until, now));
        this.until = until;
    }

    Instant until() {
        return until;
    }

    /** Whole seconds until the pause ends, at least 1: the Retry-After value. */
    static long retryAfterSeconds(Instant until, Instant now) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    static String message(Instant until, Instant now) {
        long seconds = retryAfterSeconds(until, now);
        String wait = seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
        return "Too many failed sign-in attempts. Sign-in for this username from here is paused; try again in " + wait
                + ".";
    }
}
