package io.sluice.runtime.batch;

import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A batch of rows held column by column in off-heap memory: the unit every kernel consumes.
 *
 * <p>Besides the schema's columns a batch carries, per row, where it came from (the source line,
 * for error messages) and the event-time watermark in force <em>before</em> that row (so that
 * lateness is decided exactly, whatever the batch size or partition). {@link #watermarkAfter()}
 * is the watermark after the batch's last row.
 *
 * <p>Invariants: {@code 0 <= rowCount() <= capacity()}; a batch is refilled in place by its
 * source ({@link #reset()}), never resized; {@link #close()} frees the off-heap memory, after
 * which it must not be used. Not thread-safe: one producer fills it, then hands it on.
 */
public final class ColumnBatch implements AutoCloseable {
    /** Watermark value meaning "no event time seen yet". */
    public static final long NO_WATERMARK = Long.MIN_VALUE;

    private final Schema schema;
    private final int capacity;
    private final ColumnVector[] columns;
    private final OffHeapBuffer lineMemory;
    private final OffHeapBuffer watermarkMemory;
    private final UnsafeBuffer lines;
    private final UnsafeBuffer watermarks;
    /** Source names; a row's source is an index into it, kept in the top bits of its line word. */
    private String[] sourceNames = {""};
    private int rowCount;
    private long watermarkAfter = NO_WATERMARK;
    private boolean closed;

    /**
     * @param schema     the columns
     * @param capacity   maximum rows, fixed for the batch's life
     * @param dictionary the dictionary VARCHAR columns intern into
     */
    public ColumnBatch(final Schema schema, final int capacity, final StringDictionary dictionary) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("batch capacity must be positive: " + capacity);
        }
        this.schema = schema;
        this.capacity = capacity;
        this.columns = new ColumnVector[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            final Column c = schema.column(i);
            columns[i] = new ColumnVector(c.type(), c.nullable(), capacity, dictionary);
        }
        this.lineMemory = OffHeapBuffer.allocate(capacity * 8L);
        this.watermarkMemory = OffHeapBuffer.allocate(capacity * 8L);
        this.lines = lineMemory.buffer();
        this.watermarks = watermarkMemory.buffer();
    }

    public Schema schema() {
        return schema;
    }

    public int capacity() {
        return capacity;
    }

    public int rowCount() {
        return rowCount;
    }

    public ColumnVector column(final int index) {
        return columns[index];
    }

    private static final int SOURCE_SHIFT = 48;
    private static final long LINE_MASK = (1L << SOURCE_SHIFT) - 1;

    /** Name of the file the first row came from (the only one for a single-file source), for messages. */
    public String sourceName() {
        return rowCount == 0 ? sourceNames[0] : sourceName(0);
    }

    /** Name of the file {@code row} came from, for messages. */
    public String sourceName(final int row) {
        return sourceNames[(int) (lines.getLong(row << 3) >>> SOURCE_SHIFT)];
    }

    /** Names the batch's sources (one per file of the table); rows refer to them by index. */
    public void sourceNames(final String... names) {
        this.sourceNames = names;
    }

    /** Source line of {@code row} (1-based), for messages. */
    public long line(final int row) {
        return lines.getLong(row << 3) & LINE_MASK;
    }

    /** The watermark in force before {@code row} was read. */
    public long watermarkBefore(final int row) {
        return watermarks.getLong(row << 3);
    }

    /**
     * Address of the watermark before row 0: row {@code r}'s is the long at {@code + 8 * r}, for a
     * kernel's row loop to read without a bounds check (rows below {@link #rowCount()} only).
     */
    public long watermarksAddress() {
        return watermarks.addressOffset();
    }

    public long watermarkAfter() {
        return watermarkAfter;
    }

    /** Empties the batch for refilling. */
    public void reset() {
        for (final ColumnVector c : columns) {
            c.clearNulls(rowCount);
        }
        rowCount = 0;
    }

    /**
     * Appends a row slot and returns its index; the caller then sets each column's value.
     *
     * @throws IllegalStateException when the batch is full (a caller bug: sources check {@link #isFull()})
     */
    public int addRow(final long line, final long watermarkBefore) {
        return addRow(0, line, watermarkBefore);
    }

    /**
     * Appends a row slot for a row of source {@code source} (an index into the names given to
     * {@link #sourceNames}) and returns its index.
     */
    public int addRow(final int source, final long line, final long watermarkBefore) {
        if (rowCount == capacity) {
            throw new IllegalStateException("batch is full (capacity " + capacity + ")");
        }
        final int row = rowCount++;
        lines.putLong(row << 3, ((long) source << SOURCE_SHIFT) | (line & LINE_MASK));
        watermarks.putLong(row << 3, watermarkBefore);
        return row;
    }

    /**
     * Prepares slot {@code rowCount()} to be filled before {@link #addRow}: clears its NULL bits
     * (the embedding API's row cursor writes values first, then commits the row).
     */
    public void clearNextRow() {
        final int row = rowCount;
        for (final ColumnVector c : columns) {
            c.clearNull(row);
        }
    }

    /** Drops the last row added (a row that failed to decode and is skipped). */
    public void removeLastRow() {
        final int row = --rowCount;
        for (final ColumnVector c : columns) {
            c.clearNull(row);
        }
    }

    /**
     * Refills this batch with rows {@code rows[0..count)} of {@code source} (same schema), column by
     * column: values, NULL bits, source lines and watermarks. The watermark after the batch is the
     * source's. Used by the router to give each partition its rows.
     */
    public void copyRowsFrom(final ColumnBatch source, final int[] rows, final int count) {
        if (count > capacity) {
            throw new IllegalStateException("batch is full (capacity " + capacity + ", rows " + count + ")");
        }
        reset();
        this.sourceNames = source.sourceNames;
        for (int c = 0; c < columns.length; c++) {
            columns[c].copyFrom(source.columns[c], rows, count);
        }
        for (int k = 0; k < count; k++) {
            final int from = rows[k] << 3;
            lines.putLong(k << 3, source.lines.getLong(from));
            watermarks.putLong(k << 3, source.watermarks.getLong(from));
        }
        rowCount = count;
        watermarkAfter = source.watermarkAfter;
    }

    public void watermarkAfter(final long watermark) {
        this.watermarkAfter = watermark;
    }

    public boolean isFull() {
        return rowCount == capacity;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (final ColumnVector c : columns) {
                c.free();
            }
            lineMemory.close();
            watermarkMemory.close();
        }
    }
}
