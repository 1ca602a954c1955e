package io.sluice.bench.kernels;

import io.sluice.runtime.batch.StringDictionary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;

/**
 * GROUP BY a key whose values are small dense integers, the "direct-index" case (an array indexed
 * by the key instead of a hash table): {@code VARCHAR} symbols (the batch holds dictionary codes
 * 0..cardinality-1) and a small {@code INT} key 0..cardinality-1; {@code COUNT(*)}, {@code SUM(v)} over 16M
 * records, uniform keys, batches of 4096 rows, a fresh kernel per invocation; the records all in
 * memory, or a few batches of them handed over again and again ({@link #pool}).
 */
@State(Scope.Thread)
public class GroupByDenseBenchmark extends GroupByBenchmarkState {
    /** VARCHAR (dictionary-coded symbols) or INT. */
    @Param({"VARCHAR", "INT"})
    public String keyType;

    /** Distinct keys (symbols S00, S01, ... or 0, 1, ...). */
    @Param({"50"})
    public int cardinality;

    /**
     * 0: every batch holds its own rows (16M records in memory, read from DRAM: the figure beside
     * DuckDB's in-memory table); N: N batches of generated rows handed to the kernel again and
     * again up to 16M records, so that they stay in cache, as the batch the inline runner
     * (QueryRunner) has just decoded into does when it hands it to the kernel.
     */
    @Param({"0", "16"})
    public int pool;


    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) {
        final boolean varchar = switch (keyType) {
            case "VARCHAR" -> true;
            case "INT" -> false;
            default -> throw new IllegalArgumentException("keyType must be VARCHAR or INT: " + keyType);
        };
        query = compileGroupBy("CREATE TABLE t (k " + keyType + " NOT NULL, v BIGINT NOT NULL) WITH ('format' = 'csv');\n"
            + "SELECT k, COUNT(*) AS n, SUM(v) AS total FROM t GROUP BY k");
        dictionary = new StringDictionary();
        final int[] codes = new int[cardinality];
        for (int s = 0; s < cardinality; s++) {
            codes[s] = varchar ? dictionary.intern(String.format("S%02d", s)) : s;
        }
        final SplittableRandom random = new SplittableRandom(KernelBench.SEED);
        final long[] sum = new long[1];
        final int rows = pool == 0 ? KernelBench.ROWS : pool * batch;
        batches = KernelBench.cycle(KernelBench.batches(query, dictionary, rows, batch, (b, row, i) -> {
            final long v = random.nextInt(1000);
            b.column(0).setInt(row, codes[random.nextInt(cardinality)]);
            b.column(1).setLong(row, v);
            sum[0] += v;
        }), KernelBench.ROWS / batch);
        KernelBench.check(query, dictionary, simd, batches, 1, 2, KernelBench.ROWS, sum[0] * (KernelBench.ROWS / rows),
            cardinality);
        sink = new KernelBench.BlackholeSink(bh);
    }

    @Benchmark
    public void groupBy() {
        drive();
    }
}
