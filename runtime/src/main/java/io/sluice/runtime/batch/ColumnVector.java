package io.sluice.runtime.batch;

import io.sluice.runtime.type.SqlType;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.foreign.MemorySegment;

/**
 * One column of a {@link ColumnBatch}: values in an off-heap, 64-byte aligned buffer
 * ({@code capacity * type.width()} bytes) and, when the column is nullable, a null bitmap
 * (bit {@code i} set means row {@code i} is NULL).
 *
 * <p>Invariants: accessors do no bounds checks beyond Agrona's; callers stay below the batch's
 * row count, which the batch checks once against its capacity. The value slot of a NULL row is
 * unspecified. The value buffer holds a whole number of 8-row chunks (capacity rounded up), so
 * 8-lane vector loads at any multiple of 8 below the capacity are in bounds. VARCHAR values are codes into {@link #dictionary()}.
 */
public final class ColumnVector {
    /** Alignment of every column buffer: one cache line, and the widest vector load. */
    public static final int ALIGNMENT = OffHeapBuffer.ALIGNMENT;

    private final SqlType type;
    private final boolean nullable;
    private final int capacity;
    private final OffHeapBuffer dataMemory;
    private final OffHeapBuffer nullMemory;
    private final UnsafeBuffer data;
    private final UnsafeBuffer nulls;
    private final StringDictionary dictionary;

    ColumnVector(final SqlType type, final boolean nullable, final int capacity, final StringDictionary dictionary) {
        this.type = type;
        this.nullable = nullable;
        this.capacity = capacity;
        // whole 8-row chunks, so that a SIMD twin's last (masked) vector load stays inside the block
        this.dataMemory = OffHeapBuffer.allocate((long) ((capacity + 7) & ~7) * type.width());
        this.data = dataMemory.buffer();
        this.nullMemory = nullable ? OffHeapBuffer.allocate((capacity + 7) >>> 3) : null;
        this.nulls = nullable ? nullMemory.buffer() : null;
        this.dictionary = dictionary;
    }

    public SqlType type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    public int capacity() {
        return capacity;
    }

    /** The value buffer, for vectorised kernels. */
    public UnsafeBuffer data() {
        return data;
    }

    /** The value buffer as a memory segment, for Vector API loads (64-byte aligned). */
    public MemorySegment segment() {
        return dataMemory.segment();
    }

    /**
     * The NULL bits of rows {@code [row, row + 8)} as the low 8 bits of an int (bit {@code k} set:
     * row {@code row + k} is NULL), for a vector mask of 8 lanes; 0 for a NOT NULL column.
     * {@code row} must be a multiple of 8 below the capacity.
     */
    public int nullBits8(final int row) {
        return nulls == null ? 0 : nulls.getByte(row >>> 3) & 0xFF;
    }

    /** The dictionary VARCHAR codes refer to (shared by the whole source). */
    public StringDictionary dictionary() {
        return dictionary;
    }

    public boolean isNull(final int row) {
        return nulls != null && (nulls.getByte(row >>> 3) & (1 << (row & 7))) != 0;
    }

    public long getLong(final int row) {
        return data.getLong(row << 3);
    }

    public double getDouble(final int row) {
        return data.getDouble(row << 3);
    }

    public int getInt(final int row) {
        return data.getInt(row << 2);
    }

    public boolean getBoolean(final int row) {
        return data.getByte(row) != 0;
    }

    /** The string of a VARCHAR row (no allocation: the dictionary holds it). */
    public String getString(final int row) {
        return dictionary.get(data.getInt(row << 2));
    }

    public void setLong(final int row, final long value) {
        data.putLong(row << 3, value);
    }

    public void setDouble(final int row, final double value) {
        data.putDouble(row << 3, value);
    }

    public void setInt(final int row, final int value) {
        data.putInt(row << 2, value);
    }

    public void setBoolean(final int row, final boolean value) {
        data.putByte(row, (byte) (value ? 1 : 0));
    }

    /** Marks {@code row} NULL. The column must be nullable. */
    public void setNull(final int row) {
        final int index = row >>> 3;
        nulls.putByte(index, (byte) (nulls.getByte(index) | (1 << (row & 7))));
    }

    /** Rows {@code rows[0..count)} of {@code source} become rows 0..count of this column (NULL bits cleared first by the batch). */
    void copyFrom(final ColumnVector source, final int[] rows, final int count) {
        switch (type.width()) {
            case 8 -> {
                for (int k = 0; k < count; k++) {
                    data.putLong(k << 3, source.data.getLong(rows[k] << 3));
                }
            }
            case 4 -> {
                for (int k = 0; k < count; k++) {
                    data.putInt(k << 2, source.data.getInt(rows[k] << 2));
                }
            }
            default -> {
                for (int k = 0; k < count; k++) {
                    data.putByte(k, source.data.getByte(rows[k]));
                }
            }
        }
        if (nulls != null) {
            for (int k = 0; k < count; k++) {
                if (source.isNull(rows[k])) {
                    setNull(k);
                }
            }
        }
    }

    /** Clears the null bit of {@code row} (no-op for a NOT NULL column). */
    void clearNull(final int row) {
        if (nulls != null) {
            final int index = row >>> 3;
            nulls.putByte(index, (byte) (nulls.getByte(index) & ~(1 << (row & 7))));
        }
    }

    /** Clears the null bits of rows {@code [0, rows)}. */
    void clearNulls(final int rows) {
        if (nulls != null) {
            nulls.setMemory(0, (rows + 7) >>> 3, (byte) 0);
        }
    }

    void free() {
        dataMemory.close();
        if (nullMemory != null) {
            nullMemory.close();
        }
    }
}
