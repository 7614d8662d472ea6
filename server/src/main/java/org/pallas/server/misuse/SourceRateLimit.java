package org.pallas.server.misuse;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits per source without keeping the source: a request's network address is reduced at once to an HMAC
 * under a random key that lives only in this process's memory, and only that tag and the times of its recent
 * requests are held, in memory, for the window. Nothing is written to the database or the logs, and a restart
 * forgets everything. Limits intake and receipt checks (guessing a 160-bit receipt is hopeless anyway).
 */
@Component
class SourceRateLimit {

    static final Duration WINDOW = Duration.ofHours(1);

    private final int limit;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    SourceRateLimit(@Value("${pallas.misuse.requests-per-hour:30}") int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** Counts one request of the source; false when the source has used up its window. */
    boolean allow(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        if (recent.size() > 100_000) {
            recent.values()
                    .removeIf(times -> times.isEmpty() || times.peekLast().isBefore(since));
        }
        Deque<Instant> times = recent.computeIfAbsent(tag(address), k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private String tag(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal(String.valueOf(address).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(tag, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
