package io.sluice.runtime.time;

import io.sluice.runtime.batch.ColumnBatch;

/**
 * The query's watermark over several source partitions (the files of one table): each partition
 * keeps its own {@code W_p = max(event time) - delay}, computed in its own row order, and the query's
 * watermark is the minimum over the partitions that still hold it back.
 *
 * <p>A partition stops holding the watermark back when it is <em>idle</em>: it has ended, and the
 * other partitions' event time has moved more than the idle timeout past its own last event time.
 * Idleness is measured in event time, not wall time, so a replay of the same files gives the same
 * watermarks, and so the same late rows, every run. With every partition idle or ended the
 * watermark is the largest partition watermark; end of input is signalled separately (the final
 * watermark fires everything).
 *
 * <p>Invariant: {@link #current()} never decreases. Not thread-safe: the source thread owns it.
 */
public final class WatermarkMerger {
    private final long delayMillis;
    private final long idleTimeoutMillis;
    private final long[] maxEventTime;
    private final boolean[] ended;
    private final boolean[] idle;
    private long maxEventTimeAll = Long.MIN_VALUE;
    private long watermark = ColumnBatch.NO_WATERMARK;

    /**
     * @param partitions        number of source partitions
     * @param delayMillis       the declared watermark delay
     * @param idleTimeoutMillis event time an ended partition is waited for
     */
    public WatermarkMerger(final int partitions, final long delayMillis, final long idleTimeoutMillis) {
        if (partitions < 1 || delayMillis < 0 || idleTimeoutMillis < 0) {
            throw new IllegalArgumentException("partitions " + partitions + ", delay " + delayMillis
                + ", idle timeout " + idleTimeoutMillis);
        }
        this.delayMillis = delayMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.maxEventTime = new long[partitions];
        this.ended = new boolean[partitions];
        this.idle = new boolean[partitions];
        java.util.Arrays.fill(maxEventTime, Long.MIN_VALUE);
    }

    /** The query watermark after everything observed so far. */
    public long current() {
        return watermark;
    }

    /** The watermark of one partition ({@link ColumnBatch#NO_WATERMARK} before its first row). */
    public long partitionWatermark(final int partition) {
        return maxEventTime[partition] == Long.MIN_VALUE ? ColumnBatch.NO_WATERMARK : maxEventTime[partition] - delayMillis;
    }

    /** The largest event time seen in any partition (Long.MIN_VALUE before the first row). */
    public long maxEventTime() {
        return maxEventTimeAll;
    }

    public boolean isIdle(final int partition) {
        return idle[partition];
    }

    /** A row of {@code partition} with {@code eventTime} was read. */
    public void observe(final int partition, final long eventTime) {
        if (eventTime > maxEventTime[partition]) {
            maxEventTime[partition] = eventTime;
        }
        if (eventTime > maxEventTimeAll) {
            maxEventTimeAll = eventTime;
        }
        recompute();
    }

    /** {@code partition} has no more rows. */
    public void end(final int partition) {
        ended[partition] = true;
        recompute();
    }

    private void recompute() {
        long min = Long.MAX_VALUE;
        long max = ColumnBatch.NO_WATERMARK;
        boolean anyActive = false;
        for (int p = 0; p < maxEventTime.length; p++) {
            if (ended[p] && !idle[p] && (maxEventTime[p] == Long.MIN_VALUE
                || maxEventTimeAll - maxEventTime[p] > idleTimeoutMillis)) {
                idle[p] = true;
            }
            final long w = partitionWatermark(p);
            max = Math.max(max, w);
            if (!idle[p]) {
                anyActive = true;
                min = Math.min(min, w);
            }
        }
        final long next = anyActive ? min : max;
        if (next > watermark) {
            watermark = next;
        }
    }
}
