package io.sluice.runtime.time;

import io.sluice.runtime.batch.ColumnBatch;

/**
 * The watermark of one source partition, computed in the source's own row order: after each row,
 * {@code W = max(event time seen so far) - delay}. W never decreases.
 *
 * <p>{@link ColumnBatch#NO_WATERMARK} until the first row. {@link #observe} is called once per row
 * with the row's event time, after the caller recorded {@link #current()} as the watermark in force
 * before that row.
 */
public final class WatermarkTracker {
    private final long delayMillis;
    private long maxEventTime = Long.MIN_VALUE;
    private long watermark = ColumnBatch.NO_WATERMARK;

    public WatermarkTracker(final long delayMillis) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("watermark delay must not be negative: " + delayMillis);
        }
        this.delayMillis = delayMillis;
    }

    public long delayMillis() {
        return delayMillis;
    }

    /** The watermark after all rows observed so far. */
    public long current() {
        return watermark;
    }

    /** Accounts for a row with event time {@code eventTime}. */
    public void observe(final long eventTime) {
        if (eventTime > maxEventTime) {
            maxEventTime = eventTime;
            watermark = eventTime - delayMillis;
        }
    }
}
