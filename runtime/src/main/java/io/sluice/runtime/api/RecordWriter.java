package io.sluice.runtime.api;

/**
 * Writes one Java object as one input row through a session's row cursor. Implementations are
 * generated per (class, schema) pair by the compiler ({@code Sluice.rowWriter}), mapping fields to
 * columns by name with types checked when generated; they allocate nothing.
 *
 * @param <T> the record or POJO type
 */
public interface RecordWriter<T> {
    /** Sets every column of the session's current row from {@code record} (does not commit it). */
    void write(T record, QuerySession session);
}
