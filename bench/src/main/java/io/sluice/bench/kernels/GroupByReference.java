package io.sluice.bench.kernels;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the references measured beside GROUP BY BIGINT share ({@link JavaTableBenchmark},
 * {@link DuckDbBenchmark}): its key counts, and its very input.
 */
@State(Scope.Thread)
public abstract class GroupByReference extends KernelRunSettings {
    /** Distinct keys: {@link GroupByBigintBenchmark#keys}' values. */
    @Param({"10", "1000", "100000", "1000000", "10000000"})
    public int keys;

    /** {@link GroupByBigintBenchmark}'s batches for {@link #keys} (its generator and seed); the sum of v goes to {@code sum[0]}. */
    ColumnBatch[] input(final long[] sum) {
        return GroupByBigintBenchmark.generate(KernelBench.compile(GroupByBigintBenchmark.SQL), new StringDictionary(),
            keys, KernelBench.DEFAULT_BATCH, sum);
    }
}
