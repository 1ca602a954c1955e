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
 * {@code SELECT COUNT(*), SUM(v) FROM t WHERE x < c} over 16M records with x uniform in
 * [0, 1,000,000) and c chosen so that 1%, 50% or 100% of the records pass (50% is the worst case
 * for a branch; 100% shows the cost of the predicate itself), or {@code x * 3 + v < 3c}
 * ({@link #predicate}). Batches of 4096 rows, a fresh kernel per invocation.
 */
@State(Scope.Thread)
public class FilterBenchmark extends KernelBenchmarkState {
    static final int X_RANGE = 1_000_000;

    /** Percentage of records passing the WHERE clause. */
    @Param({"1", "50", "100"})
    public int selectivity;

    /** Rows per batch. */
    @Param({"4096"})
    public int batch;

    /**
     * The predicate: {@code column} is {@code x < c}; {@code arithmetic} is {@code x * 3 + v < 3 * c}
     * (about the same selectivity), BIGINT arithmetic whose overflow the SIMD twin checks in lanes.
     */
    @Param({"column"})
    public String predicate;


    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) {
        if (selectivity < 0 || selectivity > 100) {
            throw new IllegalArgumentException("selectivity is a percentage: " + selectivity);
        }
        final long c = (long) X_RANGE * selectivity / 100;
        final boolean arithmetic = switch (predicate) {
            case "column" -> false;
            case "arithmetic" -> true;
            default -> throw new IllegalArgumentException("predicate must be column or arithmetic: " + predicate);
        };
        query = KernelBench.compile("CREATE TABLE t (x BIGINT NOT NULL, v BIGINT NOT NULL) WITH ('format' = 'csv');\n"
            + "SELECT COUNT(*) AS n, SUM(v) AS total FROM t WHERE " + (arithmetic ? "x * 3 + v < " + 3 * c : "x < " + c));
        dictionary = new StringDictionary();
        final SplittableRandom random = new SplittableRandom(KernelBench.SEED);
        final long[] expected = new long[2];
        batches = KernelBench.batches(query, dictionary, KernelBench.ROWS, batch, (b, row, i) -> {
            final long x = random.nextInt(X_RANGE);
            final long v = random.nextInt(1000);
            b.column(0).setLong(row, x);
            b.column(1).setLong(row, v);
            if (arithmetic ? x * 3 + v < 3 * c : x < c) {
                expected[0]++;
                expected[1] += v;
            }
        });
        KernelBench.check(query, dictionary, simd, batches, 0, 1, expected[0], expected[1], -1);
        sink = new KernelBench.BlackholeSink(bh);
    }

    @Benchmark
    public void filter() {
        drive();
    }
}
