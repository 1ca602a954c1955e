package io.sluice.runtime.sink;

import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;

/**
 * One result row, reused for every row a kernel emits: typed setters for the kernel, typed getters
 * for sinks and callbacks. A receiver must copy what it keeps; the row changes on the next emit.
 *
 * <p>Values by type: BOOLEAN, INT, BIGINT, TIMESTAMP (epoch millis) through {@link #getLong};
 * DOUBLE through {@link #getDouble}; VARCHAR through {@link #getString}. Not thread-safe.
 */
public final class ResultRow {
    private final Schema schema;
    private final long[] longs;
    private final double[] doubles;
    private final String[] strings;
    private final boolean[] nulls;
    private RowKind kind = RowKind.INSERT;

    public ResultRow(final Schema schema) {
        this.schema = schema;
        final int n = schema.size();
        this.longs = new long[n];
        this.doubles = new double[n];
        this.strings = new String[n];
        this.nulls = new boolean[n];
    }

    public Schema schema() {
        return schema;
    }

    public int size() {
        return nulls.length;
    }

    public RowKind kind() {
        return kind;
    }

    public ResultRow kind(final RowKind kind) {
        this.kind = kind;
        return this;
    }

    public SqlType type(final int index) {
        return schema.column(index).type();
    }

    public boolean isNull(final int index) {
        return nulls[index];
    }

    public long getLong(final int index) {
        return longs[index];
    }

    public double getDouble(final int index) {
        return doubles[index];
    }

    public boolean getBoolean(final int index) {
        return longs[index] != 0;
    }

    public String getString(final int index) {
        return strings[index];
    }

    public void setNull(final int index) {
        nulls[index] = true;
    }

    public void setLong(final int index, final long value) {
        nulls[index] = false;
        longs[index] = value;
    }

    public void setBoolean(final int index, final boolean value) {
        nulls[index] = false;
        longs[index] = value ? 1 : 0;
    }

    public void setDouble(final int index, final double value) {
        nulls[index] = false;
        doubles[index] = value;
    }

    public void setString(final int index, final String value) {
        nulls[index] = value == null;
        strings[index] = value;
    }

    /** Whether {@code other} holds the same values (same NULLs; DOUBLEs compared bit for bit). */
    public boolean sameValues(final ResultRow other) {
        for (int i = 0; i < nulls.length; i++) {
            if (nulls[i] != other.nulls[i]) {
                return false;
            }
            if (nulls[i]) {
                continue;
            }
            final boolean same = switch (type(i)) {
                case DOUBLE -> Double.doubleToLongBits(doubles[i]) == Double.doubleToLongBits(other.doubles[i]);
                case VARCHAR -> strings[i].equals(other.strings[i]);
                default -> longs[i] == other.longs[i];
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
