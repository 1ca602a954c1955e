package io.sluice.runtime.sink;

import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;

/**
 * One result row, reused for every row a kernel emits: typed setters for the kernel; callbacks see
 * it only as a read-only {@link RowView}. A receiver must copy what it keeps; the row changes on
 * the next emit.
 *
 * <p>Values by type: BOOLEAN, INT, BIGINT, TIMESTAMP (epoch millis) through {@link #getLong};
 * DOUBLE through {@link #getDouble}; VARCHAR through {@link #getString}. Not thread-safe.
 */
public final class ResultRow implements RowView {
    private final Schema schema;
    private final long[] longs;
    private final double[] doubles;
    private final String[] strings;
    private final boolean[] nulls;
    private RowKind kind = RowKind.INSERT;

    /** Column index by name: as declared, and lower-cased (lookups by name allocate nothing). */
    private final java.util.Map<String, Integer> indexByName = new java.util.HashMap<>();

    public ResultRow(final Schema schema) {
        this.schema = schema;
        final int n = schema.size();
        for (int i = n - 1; i >= 0; i--) {
            indexByName.put(schema.column(i).name(), i);
            indexByName.put(schema.column(i).name().toLowerCase(java.util.Locale.ROOT), i);
        }
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

    /**
     * Index of the column named {@code name} (as declared, or lower case).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public int indexOf(final String name) {
        final Integer i = indexByName.get(name);
        if (i == null) {
            final Integer lower = indexByName.get(name.toLowerCase(java.util.Locale.ROOT));
            if (lower == null) {
                throw new IllegalArgumentException("no result column '" + name + "' (columns: " + schema + ")");
            }
            return lower;
        }
        return i;
    }

    public boolean isNull(final String name) {
        return isNull(indexOf(name));
    }

    public long getLong(final String name) {
        return getLong(indexOf(name));
    }

    public double getDouble(final String name) {
        return getDouble(indexOf(name));
    }

    public boolean getBoolean(final String name) {
        return getBoolean(indexOf(name));
    }

    public String getString(final String name) {
        return getString(indexOf(name));
    }

    /** The changelog op of this row: {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
    public String op() {
        return kind.shortName();
    }

    /** An independent copy (allocates: for callers that keep rows). */
    @Override
    public ResultRow copy() {
        final ResultRow c = new ResultRow(schema);
        System.arraycopy(longs, 0, c.longs, 0, longs.length);
        System.arraycopy(doubles, 0, c.doubles, 0, doubles.length);
        System.arraycopy(strings, 0, c.strings, 0, strings.length);
        System.arraycopy(nulls, 0, c.nulls, 0, nulls.length);
        c.kind = kind;
        return c;
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder(kind.shortName()).append('[');
        for (int i = 0; i < nulls.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(schema.column(i).name()).append('=');
            if (nulls[i]) {
                sb.append("NULL");
                continue;
            }
            switch (type(i)) {
                case DOUBLE -> sb.append(doubles[i]);
                case VARCHAR -> sb.append(strings[i]);
                case BOOLEAN -> sb.append(getBoolean(i));
                case TIMESTAMP -> io.sluice.runtime.time.Timestamps.format(longs[i], sb);
                default -> sb.append(longs[i]);
            }
        }
        return sb.append(']').toString();
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
