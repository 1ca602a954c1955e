package io.sluice.runtime.exec;

import io.sluice.runtime.source.BadRowPolicy;
import io.sluice.runtime.state.MemoryBudget;

import java.nio.file.Path;

/**
 * How to run a query, read once at start.
 *
 * @param batchSize      rows per column batch
 * @param partitions     processing partitions (1 until the partitioned runtime lands)
 * @param badRows        what to do with rows that cannot be decoded
 * @param rejectsPath    where skipped rows are written (with {@link BadRowPolicy#SKIP})
 * @param maxStateMemory bytes of aggregation state allowed
 */
public record RunOptions(int batchSize, int partitions, BadRowPolicy badRows, Path rejectsPath, long maxStateMemory) {
    public static final int DEFAULT_BATCH_SIZE = 4096;

    public RunOptions {
        if (batchSize < 1 || batchSize > 1 << 20) {
            throw new IllegalArgumentException("batch size must be between 1 and 1048576: " + batchSize);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_BATCH_SIZE, 1, BadRowPolicy.FAIL, Path.of("rejects.csv"), MemoryBudget.DEFAULT_LIMIT);
    }

    public RunOptions withBatchSize(final int size) {
        return new RunOptions(size, partitions, badRows, rejectsPath, maxStateMemory);
    }
}
