package io.sluice.bench.kernels;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.CompileOptions;
import io.sluice.compiler.Sluice;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.api.QueryPlan;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.sink.RowKind;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.time.WatermarkTracker;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the per-partition kernel benchmarks share: compiling a query, filling off-heap batches up
 * front from a deterministic generator (with each row's watermark, as a source sets it), creating
 * the SIMD or the scalar twin of the kernel, and driving it as a partition worker does.
 *
 * <p>Every benchmark of this package counts one operation per input record
 * ({@code @OperationsPerInvocation(ROWS)}), so JMH's ops/s are records/s and
 * {@code gc.alloc.rate.norm} is bytes per record.
 */
final class KernelBench {
    /** Records per invocation: 16M, enough that the input (at least 256 MiB with line and watermark words) leaves the caches. */
    static final int ROWS = 1 << 24;
    /** Rows per batch unless a benchmark says otherwise ({@code RunOptions.DEFAULT_BATCH_SIZE}). */
    static final int DEFAULT_BATCH = 4096;
    /** Seed of every generator: the same data in every fork and run. */
    static final long SEED = 42;
    /** Event time of the first generated row: 2026-01-01T00:00:00Z. */
    static final long T0 = 1_767_225_600_000L;

    private KernelBench() {
    }

    /** Writes generated row {@code index} into slot {@code row} of {@code batch} (the row already added). */
    @FunctionalInterface
    interface RowGenerator {
        void write(ColumnBatch batch, int row, int index);
    }

    static CompiledQuery compile(final String sql) {
        return compile(sql, CompileOptions.DEFAULT);
    }

    static CompiledQuery compile(final String sql, final CompileOptions options) {
        try {
            return Sluice.compile(sql, options);
        } catch (final CompileException e) {
            throw new IllegalStateException("benchmark query does not compile: " + e.getMessage(), e);
        }
    }

    /**
     * {@code rows} generated rows of the query's table in batches of {@code batchSize}. When the
     * table declares a watermark, each row carries the watermark in force before it (computed in
     * row order from the event-time column, as the CSV source does) and each batch the watermark
     * after its last row.
     */
    static ColumnBatch[] batches(final CompiledQuery query, final StringDictionary dictionary, final int rows,
                                 final int batchSize, final RowGenerator generator) {
        if (rows % batchSize != 0) {
            throw new IllegalArgumentException("rows " + rows + " not a multiple of the batch size " + batchSize);
        }
        final QueryPlan plan = query.plan();
        final int eventTime = plan.eventTimeColumn();
        final WatermarkTracker wm = eventTime >= 0 ? new WatermarkTracker(plan.delayMillis()) : null;
        final ColumnBatch[] out = new ColumnBatch[rows / batchSize];
        int index = 0;
        for (int b = 0; b < out.length; b++) {
            final ColumnBatch batch = new ColumnBatch(plan.input(), batchSize, dictionary);
            for (int i = 0; i < batchSize; i++, index++) {
                final int row = batch.addRow(index + 2L, wm == null ? ColumnBatch.NO_WATERMARK : wm.current());
                generator.write(batch, row, index);
                if (wm != null) {
                    wm.observe(batch.column(eventTime).getLong(row));
                }
            }
            batch.watermarkAfter(wm == null ? ColumnBatch.NO_WATERMARK : wm.current());
            out[b] = batch;
        }
        return out;
    }

    /**
     * {@code count} batches: {@code batches} over and over (the same objects: a batch kept in
     * cache between its turns when few are cycled). {@link #free} closes each once.
     */
    static ColumnBatch[] cycle(final ColumnBatch[] batches, final int count) {
        if (count % batches.length != 0) {
            throw new IllegalArgumentException(count + " batches are not a whole number of cycles of " + batches.length);
        }
        final ColumnBatch[] out = new ColumnBatch[count];
        for (int b = 0; b < count; b++) {
            out[b] = batches[b % batches.length];
        }
        return out;
    }

    /** Closes the batches (a batch that occurs more than once, as {@link #cycle} gives, closes once). */
    static void free(final ColumnBatch[] batches) {
        if (batches != null) {
            for (final ColumnBatch b : batches) {
                b.close();
            }
        }
    }

    /** A kernel instance running the SIMD twin ({@code simd}) or the scalar twin ({@code --no-simd}). */
    static Kernel kernel(final CompiledQuery query, final StringDictionary dictionary, final boolean simd) {
        return query.kernels().create(new KernelContext(dictionary, MemoryBudget.unlimited(), LatePolicy.DROP,
            LateRowSink.NONE, simd));
    }

    /**
     * Runs {@code kernel} over the batches as a partition worker does: each batch, then the
     * batch's watermark (windows whose end it passes fire), then end of input.
     */
    static void drive(final Kernel kernel, final ColumnBatch[] batches, final ResultSink sink) {
        for (final ColumnBatch batch : batches) {
            kernel.process(batch, sink);
            kernel.advanceWatermark(batch.watermarkAfter(), sink);
        }
        kernel.finish(sink);
    }

    /** Hands the last column of each result row (every query here ends with SUM(v)) to a Blackhole. */
    static final class BlackholeSink implements ResultSink {
        private final Blackhole bh;

        BlackholeSink(final Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void accept(final ResultRow row) {
            bh.consume(row.getLong(row.size() - 1));
        }
    }

    /**
     * Applies a result stream (append rows or a changelog) to running totals of two result columns:
     * rows entering the result (+I, +U) add, rows leaving it (-U, -D) subtract. For these queries
     * the totals of COUNT(*) and SUM(v) over the final result must equal the input's.
     */
    static final class Totals implements ResultSink {
        private final int countColumn;
        private final int sumColumn;
        long count;
        long sum;
        long rows;

        Totals(final int countColumn, final int sumColumn) {
            this.countColumn = countColumn;
            this.sumColumn = sumColumn;
        }

        @Override
        public void accept(final ResultRow row) {
            final RowKind kind = row.kind();
            final long sign = kind == RowKind.UPDATE_BEFORE || kind == RowKind.DELETE ? -1 : 1;
            rows += sign;
            count += sign * row.getLong(countColumn);
            sum += sign * (row.isNull(sumColumn) ? 0 : row.getLong(sumColumn));
        }
    }

    /**
     * Runs a fresh kernel once over the batches and checks the result's totals, so a benchmark never
     * times a kernel that gives a wrong answer (for both twins: each fork checks its own).
     *
     * @param resultRows the number of rows the final result must have, or -1 to skip that check
     */
    static void check(final CompiledQuery query, final StringDictionary dictionary, final boolean simd,
                      final ColumnBatch[] batches, final int countColumn, final int sumColumn,
                      final long count, final long sum, final long resultRows) {
        final Totals totals = new Totals(countColumn, sumColumn);
        try (Kernel kernel = kernel(query, dictionary, simd)) {
            drive(kernel, batches, totals);
            if (kernel.lateRows() != 0) {
                throw new IllegalStateException(kernel.lateRows() + " late rows: the generated disorder exceeds the watermark delay");
            }
        }
        if (totals.count != count || totals.sum != sum || (resultRows >= 0 && totals.rows != resultRows)) {
            throw new IllegalStateException("kernel result is wrong (simd=" + simd + "): COUNT " + totals.count
                + " SUM " + totals.sum + " rows " + totals.rows + ", expected " + count + ", " + sum + ", "
                + (resultRows >= 0 ? resultRows : "any") + " rows");
        }
    }
}
