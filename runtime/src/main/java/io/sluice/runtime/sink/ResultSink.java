package io.sluice.runtime.sink;

/** Receives a query's result rows, one reused {@link ResultRow} at a time. */
public interface ResultSink extends AutoCloseable {
    /** Called for each result row; the row is only valid during the call. */
    void accept(ResultRow row);

    /** Flushes and releases the sink. */
    @Override
    default void close() {
    }
}
