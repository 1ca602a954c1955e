package io.sluice.runtime.kernel;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.sink.ResultSink;

/**
 * The per-partition loop of one compiled query: generated code, specialised for its query.
 *
 * <p>Contract: {@link #process} is called for each batch in source order, then
 * {@link #advanceWatermark} with the batch's {@link ColumnBatch#watermarkAfter()}; finally
 * {@link #finish} once. Watermarks passed in never decrease. A kernel instance holds one
 * partition's state and is confined to one thread.
 */
public interface Kernel extends AutoCloseable {
    /** Filters, projects and aggregates the batch's rows; append queries emit their rows here. */
    void process(ColumnBatch batch, ResultSink out);

    /** Event time reached {@code watermark}: windows with {@code end <= watermark} fire. */
    void advanceWatermark(long watermark, ResultSink out);

    /** End of input: every open window fires, pending changes are emitted. */
    void finish(ResultSink out);

    /** Rows dropped because their window had already fired. */
    long lateRows();

    /** Rows removed by the WHERE clause. */
    long filteredRows();

    /** Frees the kernel's off-heap state. */
    @Override
    void close();
}
