package org.pallas.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling by username and source (issue 13; OWASP ASVS 4.0.3 V2.2.1), so that an outsider cannot
 * lock a user out:
 *
 * <ul>
 *   <li>After {@code pallas.sign-in.max-failures} (default 5) consecutive failures of one username from one
 *       source, that pair is paused for {@code pallas.sign-in.first-pause} (30 s), doubling with each further
 *       failure up to {@code pallas.sign-in.longest-pause} (15 min). Attempts during a pause are refused
 *       unchecked and not counted, so a pause never grows by itself; a success clears the pair, and a pair
 *       without a failure for 24 hours is forgotten.
 *   <li>A source is a known device (the {@code pallas-device} cookie set on a successful sign-in as that
 *       username) or else the address, kept only as an HMAC under a key generated once in PostgreSQL and
 *       shared by all instances. A known device is never paused by failures from elsewhere.
 *   <li>Failures from sources that are not a known device are capped per username ({@code
 *       pallas.sign-in.failures-per-hour}, default 50, across all such sources): at the cap, until the hour's
 *       window ends, only the username's known devices may try. Its known devices have a cap of their own, so
 *       an account takes at most twice the cap in failures an hour (ASVS asks for no more than 100).
 * </ul>
 *
 * Counted per username as typed, whether or not the account exists, so the behaviour reveals nothing about
 * which accounts exist. All state is in PostgreSQL, shared by every instance on the database.
 */
@Component
class SignInThrottle {

    private static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String DEVICE_TOKEN = "[A-Za-z0-9_-]{43}";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstPause;
    private final Duration longestPause;
    private final int hourlyCap;
    private final Duration deviceLifetime;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec sourceKey;

    SignInThrottle(
            JdbcClient jdbc,
            Clock clock,
            @Value("${pallas.sign-in.max-failures:5}") int freeFailures,
            @Value("${pallas.sign-in.first-pause:PT30S}") Duration firstPause,
            @Value("${pallas.sign-in.longest-pause:PT15M}") Duration longestPause,
            @Value("${pallas.sign-in.failures-per-hour:50}") int hourlyCap,
            @Value("${pallas.sign-in.device-lifetime:P180D}") Duration deviceLifetime) {
        if (freeFailures < 1 || hourlyCap < 1) {
            throw new IllegalArgumentException(
                    "pallas.sign-in.max-failures and pallas.sign-in.failures-per-hour must be at least 1");
        }
        if (firstPause.isNegative() || firstPause.isZero() || longestPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException(
                    "pallas.sign-in.first-pause must be positive and no longer than longest-pause");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.hourlyCap = hourlyCap;
        this.deviceLifetime = deviceLifetime;
    }

    Duration deviceLifetime() {
        return deviceLifetime;
    }

    static String key(String username) {
        String k = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return k.length() > 100 ? k.substring(0, 100) : k;
    }

    /** Where an attempt comes from, as counted: a known device of the username, or the address's HMAC. */
    record Source(String key, boolean knownDevice, Optional<String> deviceToken) {}

    Source source(String username, SignInSource from) {
        Optional<String> token = from.deviceToken().filter(t -> t.matches(DEVICE_TOKEN));
        if (token.isPresent()) {
            String hash = sha256(token.get());
            boolean known = jdbc.sql("""
                            select count(*) from sign_in_device
                            where username_key = :u and device_hash = :h and last_signed_in_at > :since""")
                            .param("u", key(username))
                            .param("h", hash)
                            .param("since", Timestamp.from(clock.instant().minus(deviceLifetime)))
                            .query(Long.class)
                            .single()
                    > 0;
            if (known) {
                return new Source("d:" + hash, true, token);
            }
        }
        return new Source("a:" + hmac(from.address()), false, token);
    }

    /** When sign-in for this username from this source may be tried again, if it is paused now. */
    Optional<Instant> pausedUntil(String username, Source source) {
        Instant now = clock.instant();
        String u = key(username);
        Optional<Instant> pair = jdbc.sql(
                        "select paused_until from sign_in_pause where username_key = :u and source = :s")
                .param("u", u)
                .param("s", source.key())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
        Optional<Instant> cap = jdbc.sql("""
                        select window_started_at from sign_in_hourly_failures
                        where username_key = :u and known_device = :known and failures >= :cap""")
                .param("u", u)
                .param("known", source.knownDevice())
                .param("cap", hourlyCap)
                .query(Timestamp.class)
                .optional()
                .map(start -> start.toInstant().plus(HOUR));
        return latest(pair, cap).filter(now::isBefore);
    }

    /**
     * Counts a failure; the end of the pause it starts, if it starts one. Commits even if sign-in rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Instant> fail(String username, Source source) {
        Instant now = clock.instant();
        String u = key(username);
        // Forget what no longer counts, so that usernames typed once do not pile up.
        jdbc.sql("delete from sign_in_pause where last_failure_at < :before")
                .param("before", Timestamp.from(now.minus(FORGET_AFTER)))
                .update();
        jdbc.sql("delete from sign_in_hourly_failures where window_started_at < :before")
                .param("before", Timestamp.from(now.minus(HOUR)))
                .update();
        jdbc.sql("""
                        insert into sign_in_pause (username_key, source, failures, last_failure_at)
                        values (:u, :s, 0, :now) on conflict do nothing""")
                .param("u", u)
                .param("s", source.key())
                .param("now", Timestamp.from(now))
                .update();
        int failures = jdbc.sql("select failures from sign_in_pause where username_key = :u and source = :s for update")
                        .param("u", u)
                        .param("s", source.key())
                        .query(Integer.class)
                        .single()
                + 1;
        Optional<Instant> pair = failures < freeFailures ? Optional.empty() : Optional.of(now.plus(pause(failures)));
        jdbc.sql("""
                        update sign_in_pause set failures = :f, last_failure_at = :now, paused_until = :until
                        where username_key = :u and source = :s""")
                .param("u", u)
                .param("s", source.key())
                .param("f", failures)
                .param("now", Timestamp.from(now))
                .param("until", pair.map(Timestamp::from).orElse(null))
                .update();
        return latest(pair, failInTheHour(u, source.knownDevice(), now));
    }

    /** The pause after the given number of consecutive failures (at least the free ones): doubling, bounded. */
    private Duration pause(int failures) {
        int doublings = Math.min(failures - freeFailures, 30);
        Duration pause = firstPause;
        for (int i = 0; i < doublings && pause.compareTo(longestPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    /** Counts the failure in the username's hourly window; the window's end if this failure reaches the cap. */
    private Optional<Instant> failInTheHour(String u, boolean knownDevice, Instant now) {
        jdbc.sql("""
                        insert into sign_in_hourly_failures (username_key, known_device, window_started_at, failures)
                        values (:u, :known, :now, 0) on conflict do nothing""")
                .param("u", u)
                .param("known", knownDevice)
                .param("now", Timestamp.from(now))
                .update();
        var window = jdbc.sql("""
                        select window_started_at, failures from sign_in_hourly_failures
                        where username_key = :u and known_device = :known for update""")
                .param("u", u)
                .param("known", knownDevice)
                .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getInt(2)})
                .single();
        Instant started = (Instant) window[0];
        int failures = (int) window[1];
        if (!started.plus(HOUR).isAfter(now)) {
            started = now; // the last window has ended: a new one starts with this failure
            failures = 0;
        }
        failures++;
        jdbc.sql("""
                        update sign_in_hourly_failures set window_started_at = :start, failures = :f
                        where username_key = :u and known_device = :known""")
                .param("u", u)
                .param("known", knownDevice)
                .param("start", Timestamp.from(started))
                .param("f", failures)
                .update();
        return failures >= hourlyCap ? Optional.of(started.plus(HOUR)) : Optional.empty();
    }

    /**
     * Clears the pair's failures and records the device as known for the username; the device token for the
     * {@code pallas-device} cookie (the one presented, or a new one).
     */
    @Transactional
    String succeeded(String username, Source source) {
        Instant now = clock.instant();
        String u = key(username);
        jdbc.sql("delete from sign_in_pause where username_key = :u and source = :s")
                .param("u", u)
                .param("s", source.key())
                .update();
        String token = source.deviceToken().orElseGet(this::newDeviceToken);
        jdbc.sql("""
                        insert into sign_in_device (username_key, device_hash, last_signed_in_at) values (:u, :h, :now)
                        on conflict (username_key, device_hash) do update set last_signed_in_at = excluded.last_signed_in_at""")
                .param("u", u)
                .param("h", sha256(token))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("delete from sign_in_device where last_signed_in_at < :before")
                .param("before", Timestamp.from(now.minus(deviceLifetime)))
                .update();
        return token;
    }

    private String newDeviceToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    private String hmac(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(sourceKey());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The HMAC key, generated by the first instance that needs it; every instance then reads the same one. */
    private SecretKeySpec sourceKey() {
        SecretKeySpec key = sourceKey;
        if (key == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            jdbc.sql("insert into sign_in_key (id, secret) values (1, :secret) on conflict do nothing")
                    .param("secret", fresh)
                    .update();
            byte[] stored = jdbc.sql("select secret from sign_in_key where id = 1")
                    .query(byte[].class)
                    .single();
            key = new SecretKeySpec(stored, "HmacSHA256");
            sourceKey = key;
        }
        return key;
    }

    private static String sha256(String token) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
