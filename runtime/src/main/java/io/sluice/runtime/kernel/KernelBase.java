package io.sluice.runtime.kernel;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.expr.ExpressionException;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.time.Timestamps;

/**
 * What every generated kernel shares: counters, the string dictionary, the memory budget, and the
 * conversion of an expression failure into a positioned {@link DataException}. Generated kernels
 * extend it and stay small.
 */
public abstract class KernelBase implements Kernel {
    /** The source's dictionary: VARCHAR column codes. Read-only here (the source thread interns). */
    protected final StringDictionary dictionary;
    /** Strings this kernel computes (CAST, CASE...) and keys or MIN/MAX by: this partition's own. */
    protected final StringDictionary localStrings = new StringDictionary();
    protected final MemoryBudget budget;
    /**
     * The context's late policy. Windowed kernels do not read it: they implement the policy they
     * were compiled with (from the table's options), a constant in the generated code.
     */
    protected final LatePolicy latePolicy;
    /** Where late rows go under the side-output policy. */
    protected final LateRowSink lateRowSink;
    protected long lateRows;
    protected long filteredRows;

    protected KernelBase(final KernelContext context) {
        this.dictionary = context.dictionary();
        this.budget = context.budget();
        this.latePolicy = context.latePolicy();
        this.lateRowSink = context.lateRows();
    }

    @Override
    public long lateRows() {
        return lateRows;
    }

    @Override
    public long filteredRows() {
        return filteredRows;
    }

    /**
     * Hands late row {@code row} of {@code batch} to the late-row sink (policy side-output), saying
     * why: the last window it belongs to ended at {@code windowEnd}, at or before {@code watermark}.
     */
    protected final void sideOutput(final ColumnBatch batch, final int row, final long windowEnd, final long watermark) {
        lateRowSink.late(batch, row, "late: window end " + Timestamps.format(windowEnd)
            + " <= watermark " + Timestamps.format(watermark));
    }

    /** The positioned error for an expression that failed on {@code row} of {@code batch}. */
    protected static DataException rowError(final ColumnBatch batch, final int row, final ExpressionException e) {
        return new DataException(batch.sourceName(row) + ":" + batch.line(row), e.getMessage());
    }

    /** The error for an expression that failed while computing a result row (HAVING or SELECT over groups). */
    protected static DataException resultError(final ExpressionException e) {
        return new DataException("", e.getMessage() + " (computing a result row)");
    }

    @Override
    public void close() {
    }
}
