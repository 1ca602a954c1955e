package io.sluice.runtime.exec;

import io.sluice.runtime.source.BadRowPolicy;
import io.sluice.runtime.state.MemoryBudget;

import java.nio.file.Path;

/**
 * How to run a query, read once at start.
 *
 * @param batchSize         rows per column batch
 * @param partitions        processing partitions (worker threads when more than one)
 * @param badRows           what to do with rows that cannot be decoded
 * @param rejectsPath       where skipped rows are written (with {@link BadRowPolicy#SKIP})
 * @param maxStateMemory    bytes of aggregation state allowed, over all partitions
 * @param idleTimeoutMillis event time an ended input file keeps holding the watermark back
 * @param queueCapacity     batches queued per partition before the source waits (backpressure)
 * @param simd              run the kernels' SIMD twins (when the Vector API is available); false is
 *                          {@code --no-simd}, the scalar twins
 */
public record RunOptions(int batchSize, int partitions, BadRowPolicy badRows, Path rejectsPath, long maxStateMemory,
                         long idleTimeoutMillis, int queueCapacity, boolean simd) {
    public static final int DEFAULT_BATCH_SIZE = 4096;
    public static final int DEFAULT_QUEUE_CAPACITY = 4;

    public RunOptions {
        if (batchSize < 1 || batchSize > 1 << 20) {
            throw new IllegalArgumentException("batch size must be between 1 and 1048576: " + batchSize);
        }
        if (partitions < 1 || partitions > 256) {
            throw new IllegalArgumentException("partitions must be between 1 and 256: " + partitions);
        }
        if (idleTimeoutMillis < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("idle timeout " + idleTimeoutMillis + ", queue capacity " + queueCapacity);
        }
    }

    public RunOptions(final int batchSize, final int partitions, final BadRowPolicy badRows, final Path rejectsPath,
                      final long maxStateMemory) {
        this(batchSize, partitions, badRows, rejectsPath, maxStateMemory, 0, DEFAULT_QUEUE_CAPACITY, true);
    }

    /** Options running the SIMD twins. */
    public RunOptions(final int batchSize, final int partitions, final BadRowPolicy badRows, final Path rejectsPath,
                      final long maxStateMemory, final long idleTimeoutMillis, final int queueCapacity) {
        this(batchSize, partitions, badRows, rejectsPath, maxStateMemory, idleTimeoutMillis, queueCapacity, true);
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_BATCH_SIZE, 1, BadRowPolicy.FAIL, Path.of("rejects.csv"), MemoryBudget.DEFAULT_LIMIT);
    }

    public RunOptions withBatchSize(final int size) {
        return new RunOptions(size, partitions, badRows, rejectsPath, maxStateMemory, idleTimeoutMillis, queueCapacity, simd);
    }

    public RunOptions withPartitions(final int n) {
        return new RunOptions(batchSize, n, badRows, rejectsPath, maxStateMemory, idleTimeoutMillis, queueCapacity, simd);
    }

    public RunOptions withSimd(final boolean useSimd) {
        return new RunOptions(batchSize, partitions, badRows, rejectsPath, maxStateMemory, idleTimeoutMillis, queueCapacity,
            useSimd);
    }
}
