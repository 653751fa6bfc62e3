package org.huijian.store.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the test moves by hand, in one zone: {@link #set} it or {@link #advance} it. Shared through the test-jar. */
public final class HandClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    public HandClock(Instant start, ZoneId zone) {
        this.zone = zone;
        this.now = start;
    }

    public HandClock(LocalDateTime start, ZoneId zone) {
        this(start.atZone(zone).toInstant(), zone);
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** To a local date and time of the clock's zone. */
    public void set(LocalDateTime local) {
        now = local.atZone(zone).toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return this;
    }
}
