package io.sluice.compiler.gen;

import java.util.SplittableRandom;

/**
 * The event time of consecutive generated rows: row {@code i} is at
 * {@code start + floor(i * 1000 / eventsPerSecond)} milliseconds, minus, when a disorder is given,
 * a uniform delay in {@code [0, disorder]} for a quarter of the rows. The quotient is carried from
 * row to row (whole milliseconds and a remainder), so a row costs no division.
 */
final class EventClock {
    private final long eventsPerSecond;
    private final long stepMillis;
    private final long stepRemainder;
    private final long disorderBound;
    /** {@code start + floor(i * 1000 / eventsPerSecond)} for the next row {@code i}. */
    private long millis;
    /** {@code i * 1000 mod eventsPerSecond} for the next row {@code i}. */
    private long remainder;

    EventClock(final GenOptions o) {
        this.eventsPerSecond = o.eventsPerSecond();
        this.stepMillis = 1000 / eventsPerSecond;
        this.stepRemainder = 1000 % eventsPerSecond;
        this.disorderBound = o.disorderMillis() + 1;
        this.millis = o.startMillis();
    }

    /** The event time of the next row; draws from {@code r} only when a disorder is given. */
    long next(final SplittableRandom r) {
        final long t = millis;
        millis += stepMillis;
        remainder += stepRemainder;
        if (remainder >= eventsPerSecond) {
            remainder -= eventsPerSecond;
            millis++;
        }
        if (disorderBound == 1 || (r.nextInt() & 3) != 0) {
            return t;
        }
        return t - r.nextLong(disorderBound);
    }
}
