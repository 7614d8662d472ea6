package org.pallas.server.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the ledger can take writes: it cannot when the oldest unsequenced entry has waited longer than
 * {@code pallas.ledger.unavailable-after} (default 30 s), i.e. no instance's sequencer is keeping up (stopped,
 * failing on a tampered tile, or the lock holder hung). Judged from the database alone, so every instance sharing
 * it gives the same answer, whichever of them sequences; the age is measured by the database's clock
 * ({@code ledger_entry.written_at}), so skewed instance clocks do not matter. The answer is cached for
 * {@code pallas.ledger.availability-check-interval} (default 1 s) so that writes cost no extra query each.
 * The change of state is logged once, not on every request.
 */
@Component
class LedgerAvailability {

    private static final Logger log = LoggerFactory.getLogger(LedgerAvailability.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration threshold;
    private final Duration cacheFor;
    private Instant judgedAt = Instant.MIN;
    private Optional<Duration> backlog = Optional.empty();
    private boolean available = true;

    LedgerAvailability(
            JdbcClient jdbc,
            Clock clock,
            @Value("${pallas.ledger.unavailable-after:PT30S}") Duration threshold,
            @Value("${pallas.ledger.availability-check-interval:PT1S}") Duration cacheFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.threshold = threshold;
        this.cacheFor = cacheFor;
    }

    /** True while the ledger sequences what is written; at most {@code cacheFor} old. */
    synchronized boolean available() {
        Instant now = clock.instant();
        if (now.isBefore(judgedAt.plus(cacheFor))) {
            return available;
        }
        return judge(now);
    }

    /** Judges now, ignoring the cache (tests). */
    synchronized boolean judge() {
        return judge(clock.instant());
    }

    /** How long the oldest unsequenced entry has waited, as of the last judgement; empty when none waits. */
    synchronized Optional<Duration> backlog() {
        return backlog;
    }

    /** The Retry-After a refused write is given: the threshold, at least one second. */
    long retryAfterSeconds() {
        return Math.max(1, threshold.toSeconds());
    }

    private boolean judge(Instant now) {
        backlog = jdbc.sql("""
                select extract(epoch from (now() - written_at)) from ledger_entry
                where leaf_index is null order by seq limit 1""")
                .query(Double.class)
                .optional()
                .map(seconds -> Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
        boolean accepting = backlog.map(age -> age.compareTo(threshold) <= 0).orElse(true);
        if (accepting != available) {
            if (accepting) {
                log.info("Ledger available again: the sequencer has caught up; writes are accepted");
            } else {
                log.error(
                        "Ledger unavailable: the oldest unsequenced entry has waited {} (limit {}); writes are refused"
                                + " with 503 until it is sequenced",
                        backlog.orElseThrow(),
                        threshold);
            }
        }
        available = accepting;
        judgedAt = now;
        return available;
    }
}
