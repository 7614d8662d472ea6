package org.pallas.server.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses sign-in for a username after {@code pallas.sign-in.max-failures} consecutive failures (default
 * 5) for {@code pallas.sign-in.lockout} (default 15 minutes). Counted per username as typed, whether or
 * not the account exists, so the behaviour reveals nothing about which accounts exist. State lives in
 * PostgreSQL, so it holds across server instances.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    SignInThrottle(
            JdbcClient jdbc,
            Clock clock,
            @Value("${pallas.sign-in.max-failures:5}") int maxFailures,
            @Value("${pallas.sign-in.lockout:PT15M}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    Duration lockout() {
        return lockout;
    }

    static String key(String username) {
        String k = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return k.length() > 100 ? k.substring(0, 100) : k;
    }

    boolean locked(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from sign_in_throttle where username_key = :k")
                .param("k", key(username))
                .query(Timestamp.class)
                .optional()
                .map(until -> until.toInstant().isAfter(now))
                .orElse(false);
    }

    /** Counts a failure; true when this failure locks the username. Commits even if sign-in rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean fail(String username) {
        Instant now = clock.instant();
        String k = key(username);
        jdbc.sql(
                        "insert into sign_in_throttle (username_key, failures, last_failure_at) values (:k, 0, :now) on conflict do nothing")
                .param("k", k)
                .param("now", Timestamp.from(now))
                .update();
        var row = jdbc.sql("select failures, locked_until from sign_in_throttle where username_key = :k for update")
                .param("k", k)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2)})
                .single();
        int failures = (int) row[0];
        Timestamp lockedUntil = (Timestamp) row[1];
        if (lockedUntil != null && !lockedUntil.toInstant().isAfter(now)) {
            failures = 0; // the previous lockout has passed: start counting afresh
        }
        failures++;
        Instant until = failures >= maxFailures ? now.plus(lockout) : null;
        jdbc.sql(
                        "update sign_in_throttle set failures = :f, last_failure_at = :now, locked_until = :until where username_key = :k")
                .param("k", k)
                .param("f", failures)
                .param("now", Timestamp.from(now))
                .param("until", until == null ? null : Timestamp.from(until))
                .update();
        return until != null;
    }

    void succeeded(String username) {
        jdbc.sql("delete from sign_in_throttle where username_key = :k")
                .param("k", key(username))
                .update();
    }
}
