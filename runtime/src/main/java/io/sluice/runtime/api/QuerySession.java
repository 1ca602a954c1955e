package io.sluice.runtime.api;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.time.WatermarkMerger;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;

/**
 * A running compiled query fed by the embedding program: rows go in through a reusable row cursor
 * (typed setters, then {@link #commit()}), a {@link RecordWriter}, or whole {@link ColumnBatch}es;
 * results come out through the {@link ResultCallback}, on the pushing thread.
 *
 * <p>Rows are buffered into a column batch and run through the kernel when it is full, on
 * {@link #flush()}, and on {@link #close()}, which also fires every open window. Event time follows
 * the table's WATERMARK (per row, as in {@code sluice run}); {@link #advanceWatermark} moves it on
 * explicitly (e.g. when the input is idle). Steady state allocates nothing per row, except a
 * string not seen before.
 *
 * <p>Thread-safety: a session is confined to one thread at a time (the kernel and its state are
 * not synchronized); hand it between threads only with a happens-before edge (a lock or a queue).
 */
public final class QuerySession implements AutoCloseable {
    private final QueryPlan plan;
    private final Kernel kernel;
    private final ResultSink sink;
    private final ColumnBatch batch;
    private final StringDictionary dictionary;
    private final WatermarkMerger watermark;
    private final Schema schema;
    private final boolean[] set;
    private long sequence;
    private long explicitWatermark = ColumnBatch.NO_WATERMARK;
    private boolean rowStarted;
    private boolean closed;

    QuerySession(final CompiledQuery query, final ResultCallback callback, final int batchSize, final long maxStateMemory,
                 final boolean simd) {
        this.plan = query.plan();
        this.schema = plan.input();
        this.dictionary = new StringDictionary();
        this.kernel = query.kernels().create(new KernelContext(dictionary, new MemoryBudget(maxStateMemory),
            plan.latePolicy(), LateRowSink.NONE, simd));
        this.sink = callback::onResult;
        this.batch = new ColumnBatch(schema, batchSize, dictionary);
        this.batch.sourceNames("session");
        this.watermark = new WatermarkMerger(1, plan.delayMillis(), 0);
        this.set = new boolean[schema.size()];
    }

    /** The input table's columns, in the order the setters' indexes refer to. */
    public Schema inputSchema() {
        return schema;
    }

    /** Index of an input column by name (case-insensitive), or -1. */
    public int column(final String name) {
        return schema.indexOf(name);
    }

    // ------------------------------------------------------------------ the row cursor

    public QuerySession setLong(final int column, final long value) {
        vector(column).setLong(batch.rowCount(), value);
        return this;
    }

    public QuerySession setInt(final int column, final int value) {
        vector(column).setInt(batch.rowCount(), value);
        return this;
    }

    public QuerySession setDouble(final int column, final double value) {
        vector(column).setDouble(batch.rowCount(), value);
        return this;
    }

    public QuerySession setBoolean(final int column, final boolean value) {
        vector(column).setBoolean(batch.rowCount(), value);
        return this;
    }

    /** A TIMESTAMP(3) column, in epoch milliseconds (UTC). */
    public QuerySession setTimestamp(final int column, final long epochMillis) {
        vector(column).setLong(batch.rowCount(), epochMillis);
        return this;
    }

    /** A VARCHAR column; {@code null} sets NULL. */
    public QuerySession setString(final int column, final String value) {
        if (value == null) {
            return setNull(column);
        }
        vector(column).setInt(batch.rowCount(), dictionary.intern(value));
        return this;
    }

    /** Sets NULL (the column must be nullable). */
    public QuerySession setNull(final int column) {
        final ColumnVector v = batch.column(column);
        if (!v.nullable()) {
            throw new IllegalArgumentException("column '" + schema.column(column).name() + "' is NOT NULL");
        }
        startRow();
        set[column] = true;
        v.setNull(batch.rowCount());
        return this;
    }

    private ColumnVector vector(final int column) {
        startRow();
        set[column] = true;
        return batch.column(column);
    }

    private void startRow() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        if (!rowStarted) {
            rowStarted = true;
            batch.clearNextRow();
        }
    }

    /**
     * Appends the row built by the setters. Columns not set are NULL.
     *
     * @throws IllegalStateException when a NOT NULL column (or the event-time column) was not set;
     *                               the row is discarded
     */
    public void commit() {
        startRow();
        final int row = batch.rowCount();
        for (int c = 0; c < set.length; c++) {
            final Column column = schema.column(c);
            if (!set[c]) {
                if (!column.nullable() || c == plan.eventTimeColumn()) {
                    abandonRow();
                    throw new IllegalStateException("column '" + column.name() + "' was not set");
                }
                batch.column(c).setNull(row);
            }
        }
        if (plan.eventTimeColumn() >= 0 && batch.column(plan.eventTimeColumn()).isNull(row)) {
            abandonRow();
            throw new IllegalStateException("event time column '" + schema.column(plan.eventTimeColumn()).name()
                + "' is NULL");
        }
        batch.addRow(0, ++sequence, currentWatermark());
        if (plan.eventTimeColumn() >= 0) {
            watermark.observe(0, batch.column(plan.eventTimeColumn()).getLong(row));
        }
        abandonRow();
        if (batch.isFull()) {
            process();
        }
    }

    private void abandonRow() {
        java.util.Arrays.fill(set, false);
        rowStarted = false;
    }

    /** Sets the row from {@code record} with a generated writer and commits it. */
    public <T> void push(final T record, final RecordWriter<T> writer) {
        writer.write(record, this);
        commit();
    }

    /**
     * Runs a whole batch (same schema as {@link #inputSchema()}, VARCHAR codes of
     * {@link #dictionary()}); buffered rows go first. The batch's own per-row watermarks are used.
     */
    public void push(final ColumnBatch input) {
        process();
        kernel.process(input, sink);
        explicitWatermark = Math.max(explicitWatermark, input.watermarkAfter());
        kernel.advanceWatermark(currentWatermark(), sink);
    }

    /** The dictionary VARCHAR codes of pushed batches must refer to. */
    public StringDictionary dictionary() {
        return dictionary;
    }

    // ------------------------------------------------------------------ time and lifecycle

    /**
     * Moves event time on to at least {@code watermark} (buffered rows are processed first):
     * windows that end by then fire, and later rows behind it are late.
     */
    public void advanceWatermark(final long watermarkMillis) {
        process();
        explicitWatermark = Math.max(explicitWatermark, watermarkMillis);
        kernel.advanceWatermark(currentWatermark(), sink);
    }

    /** The watermark in force: from the data (per the table's WATERMARK) or set explicitly. */
    public long currentWatermark() {
        return Math.max(watermark.current(), explicitWatermark);
    }

    /** Runs the buffered rows through the kernel now (results of changes, fired windows). */
    public void flush() {
        process();
    }

    private void process() {
        if (batch.rowCount() == 0) {
            return;
        }
        batch.watermarkAfter(currentWatermark());
        kernel.process(batch, sink);
        kernel.advanceWatermark(currentWatermark(), sink);
        batch.reset();
    }

    /** Rows dropped because their window had fired. */
    public long lateRows() {
        return kernel.lateRows();
    }

    /** Processes what is buffered, fires every open window (end of input), and frees the state. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            process();
            kernel.finish(sink);
        } finally {
            closed = true;
            kernel.close();
            batch.close();
        }
    }

}
