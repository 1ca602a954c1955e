package io.sluice.runtime.kernel;

import io.sluice.runtime.batch.ColumnBatch;

/**
 * Receives late rows under {@link LatePolicy.Kind#SIDE_OUTPUT}: the row (by its batch and index,
 * valid only during the call) and why it was late. Called on a partition's thread: implementations
 * shared between partitions must be thread-safe.
 */
@FunctionalInterface
public interface LateRowSink {
    /** Discards late rows (every policy but SIDE_OUTPUT only counts them). */
    LateRowSink NONE = (batch, row, reason) -> {
    };

    void late(ColumnBatch batch, int row, String reason);
}
