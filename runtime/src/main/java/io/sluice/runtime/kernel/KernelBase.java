package io.sluice.runtime.kernel;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.expr.ExpressionException;
import io.sluice.runtime.state.MemoryBudget;

/**
 * What every generated kernel shares: counters, the string dictionary, the memory budget, and the
 * conversion of an expression failure into a positioned {@link DataException}. Generated kernels
 * extend it and stay small.
 */
public abstract class KernelBase implements Kernel {
    protected final StringDictionary dictionary;
    protected final MemoryBudget budget;
    protected long lateRows;
    protected long filteredRows;

    protected KernelBase(final KernelContext context) {
        this.dictionary = context.dictionary();
        this.budget = context.budget();
    }

    @Override
    public long lateRows() {
        return lateRows;
    }

    @Override
    public long filteredRows() {
        return filteredRows;
    }

    /** The positioned error for an expression that failed on {@code row} of {@code batch}. */
    protected static DataException rowError(final ColumnBatch batch, final int row, final ExpressionException e) {
        return new DataException(batch.sourceName() + ":" + batch.line(row), e.getMessage());
    }

    /** The error for an expression that failed while computing a result row (HAVING or SELECT over groups). */
    protected static DataException resultError(final ExpressionException e) {
        return new DataException("", e.getMessage() + " (computing a result row)");
    }

    @Override
    public void close() {
    }
}
