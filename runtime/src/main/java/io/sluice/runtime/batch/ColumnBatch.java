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
    private String sourceName = "";
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

    /** Name of the file or source the rows came from, for messages. */
    public String sourceName() {
        return sourceName;
    }

    public void sourceName(final String name) {
        this.sourceName = name;
    }

    /** Source line of {@code row} (1-based), for messages. */
    public long line(final int row) {
        return lines.getLong(row << 3);
    }

    /** The watermark in force before {@code row} was read. */
    public long watermarkBefore(final int row) {
        return watermarks.getLong(row << 3);
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
        if (rowCount == capacity) {
            throw new IllegalStateException("batch is full (capacity " + capacity + ")");
        }
        final int row = rowCount++;
        lines.putLong(row << 3, line);
        watermarks.putLong(row << 3, watermarkBefore);
        return row;
    }

    /** Drops the last row added (a row that failed to decode and is skipped). */
    public void removeLastRow() {
        final int row = --rowCount;
        for (final ColumnVector c : columns) {
            c.clearNull(row);
        }
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
