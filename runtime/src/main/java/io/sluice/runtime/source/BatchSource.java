package io.sluice.runtime.source;

import io.sluice.runtime.batch.ColumnBatch;

/**
 * Where a query's rows come from: fills column batches in source order, each row carrying its
 * line and the watermark in force before it. Confined to one thread.
 */
public interface BatchSource extends AutoCloseable {
    /**
     * Refills {@code batch} (same schema) with the next rows.
     *
     * @return false when the input is exhausted and the batch is empty
     */
    boolean next(ColumnBatch batch);

    /** Records read so far, including rejected ones. */
    long rowsRead();

    /** Records rejected under the skip policy so far. */
    long rowsRejected();

    /** The largest event time read so far (Long.MIN_VALUE before any, or without event time). */
    default long maxEventTime() {
        return Long.MIN_VALUE;
    }

    @Override
    void close();
}
