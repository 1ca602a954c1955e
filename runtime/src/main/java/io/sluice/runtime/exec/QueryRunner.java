package io.sluice.runtime.exec;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.KernelFactory;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.source.CsvSource;
import io.sluice.runtime.state.MemoryBudget;

/**
 * Runs a compiled query over its source: decode a batch, let the kernel process it, advance the
 * watermark, repeat; at end of input fire everything. The one place the data path is wired, used
 * by the CLI, the golden runner and (later) runnable artifacts.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    /**
     * Runs the query to completion. The sink is not closed.
     *
     * @throws io.sluice.runtime.error.DataException for bad input or a failing expression
     */
    public static RunSummary run(final SourceSpec source, final KernelFactory kernels, final RunOptions options,
                                 final ResultSink sink) {
        final long start = System.nanoTime();
        final StringDictionary dictionary = new StringDictionary();
        final CountingSink counting = new CountingSink(sink);
        try (RejectsFile rejects = new RejectsFile(options.rejectsPath());
             CsvSource csv = new CsvSource(source.path(), source.displayName(), source.schema(), dictionary,
                 source.eventTimeColumn(), source.delayMillis(), options.badRows(), rejects);
             ColumnBatch batch = new ColumnBatch(source.schema(), options.batchSize(), dictionary);
             Kernel kernel = kernels.create(new KernelContext(dictionary, new MemoryBudget(options.maxStateMemory())))) {
            while (csv.next(batch)) {
                kernel.process(batch, counting);
                kernel.advanceWatermark(batch.watermarkAfter(), counting);
            }
            kernel.finish(counting);
            return new RunSummary(csv.rowsRead(), csv.rowsRejected(), kernel.filteredRows(), kernel.lateRows(),
                counting.rows, System.nanoTime() - start);
        }
    }

    private static final class CountingSink implements ResultSink {
        private final ResultSink delegate;
        private long rows;

        CountingSink(final ResultSink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void accept(final ResultRow row) {
            rows++;
            delegate.accept(row);
        }
    }
}
