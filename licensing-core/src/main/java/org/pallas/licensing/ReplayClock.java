package org.pallas.licensing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock a stored case runs on: while its commands are replayed it reads each command's recorded time; a new
 * command sets it to the application clock's now; {@link BackdatedCases} sets it to the past. Never shared between
 * threads.
 */
public final class ReplayClock extends Clock {

    private Instant now;

    public ReplayClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a replay clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
