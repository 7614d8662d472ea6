package org.pallas.server.licensing.cases;

import java.time.Instant;
import org.pallas.licensing.ReplayClock;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.KnownCallers;

/**
 * The licensing domain service on a clock set to the past, for building a realistic case history (demo data, the
 * service-level tests, the load driver): every command still goes through {@link Cases}, the domain authorises it,
 * stores it at its historic time and records it on the ledger. Not a bean; the caller owns the transaction.
 */
public final class BackdatedCases {

    private final ReplayClock clock;
    private final Cases cases;
    private final KnownCallers callers;

    public BackdatedCases(Cases cases, KnownCallers callers, Instant start) {
        this.clock = new ReplayClock(start);
        this.cases = cases.on(clock);
        this.callers = callers;
    }

    /** The domain service, acting at the instant last given to {@link #at}. */
    public Cases at(Instant instant) {
        // PostgreSQL keeps microseconds and rounds: a nanosecond instant could come back later than a following
        // command's time and put the replayed history out of order.
        clock.set(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        return cases;
    }

    /** A demo user as a caller (exporter, authority or adviser staff, with the roles and adviser team their account holds). */
    public Caller caller(String username) {
        return callers.byUsername(username);
    }
}
