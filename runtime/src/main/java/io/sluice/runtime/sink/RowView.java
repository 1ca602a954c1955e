package io.sluice.runtime.sink;

import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;

/**
 * A read-only view of one result row, as callbacks receive it: typed getters by column index or
 * name, and the changelog op. Valid only during the call that received it.
 *
 * <p>Values by type: BOOLEAN through {@link #getBoolean}; INT, BIGINT and TIMESTAMP (epoch
 * milliseconds) through {@link #getLong}; DOUBLE through {@link #getDouble}; VARCHAR through
 * {@link #getString}. Check {@link #isNull} first: a NULL's value slot is unspecified.
 */
public interface RowView {
    Schema schema();

    int size();

    SqlType type(int index);

    /** The change this row stands for. */
    RowKind kind();

    /** {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
    String op();

    /** Index of the column named {@code name} (as declared, or any case). */
    int indexOf(String name);

    boolean isNull(int index);

    long getLong(int index);

    double getDouble(int index);

    boolean getBoolean(int index);

    String getString(int index);

    boolean isNull(String name);

    long getLong(String name);

    double getDouble(String name);

    boolean getBoolean(String name);

    String getString(String name);

    /** An independent copy, for callers that keep rows (allocates). */
    RowView copy();
}
