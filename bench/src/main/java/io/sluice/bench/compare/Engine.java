package io.sluice.bench.compare;

/**
 * One engine configuration run by the harness on one query: prepared once (compile, load,
 * plan), then run once for the correctness check and repeatedly for timing.
 */
interface Engine extends AutoCloseable {
    /** Identifier used on the command line ({@code --engine}) and in the report. */
    String id();

    /** Human name, with version and threads. */
    String label();

    /** "in-memory" or "CSV end-to-end". */
    String mode();

    /** Threads (partitions, parallelism) it may use. */
    int threads();

    /** Null when it can run {@code q}, else why not. */
    default String unsupported(final QueryDef q) {
        return null;
    }

    /** Prepares {@code q} (not timed). */
    void prepare(QueryDef q, Workspace ws) throws Exception;

    /** Runs the prepared query once and returns its final result (a changelog applied). */
    ResultTable result() throws Exception;

    /** Runs the prepared query once, consuming its result, and returns the wall time in nanoseconds. */
    long time() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
