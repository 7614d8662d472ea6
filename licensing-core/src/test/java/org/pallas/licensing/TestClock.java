package org.pallas.licensing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock the test moves by hand. */
public final class TestClock extends Clock {

    private Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** 10:00 London time on the given day. */
    static TestClock at(int year, int month, int day) {
        return new TestClock(london(year, month, day, 10));
    }

    public static Instant london(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ServiceLevelClock.UK)
                .toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    void set(Instant instant) {
        now = instant;
    }

    void setLondon(int year, int month, int day, int hour) {
        now = london(year, month, day, hour);
    }

    @Override
    public ZoneId getZone() {
        return ServiceLevelClock.UK;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use London time");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
