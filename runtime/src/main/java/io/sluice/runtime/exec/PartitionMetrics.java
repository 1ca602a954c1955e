package io.sluice.runtime.exec;

import org.HdrHistogram.Histogram;

/**
 * Counters of one processing partition. Written by the partition's thread (and the queue depth by
 * the router); the volatile fields may be read by a progress reporter at any time, the histogram
 * only after the partition finished.
 */
final class PartitionMetrics {
    /** Batch processing time, nanoseconds, 3 significant digits, up to an hour. */
    final Histogram batchNanos = new Histogram(3_600_000_000_000L, 3);
    volatile long rowsIn;
    volatile long rowsOut;
    volatile long batches;
    volatile long watermark = io.sluice.runtime.batch.ColumnBatch.NO_WATERMARK;
    volatile int maxQueueDepth;

    void recordBatch(final int rows, final long nanos, final long watermarkReached) {
        rowsIn += rows;
        batches++;
        batchNanos.recordValue(Math.max(0, nanos));
        if (watermarkReached > watermark) {
            watermark = watermarkReached;
        }
    }

    void queueDepth(final int depth) {
        if (depth > maxQueueDepth) {
            maxQueueDepth = depth;
        }
    }
}
