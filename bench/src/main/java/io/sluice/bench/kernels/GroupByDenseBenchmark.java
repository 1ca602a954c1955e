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
 * records, uniform keys, batches of 4096 rows, a fresh kernel per invocation.
 */
@State(Scope.Thread)
public class GroupByDenseBenchmark extends GroupByBenchmarkState {
    /** VARCHAR (dictionary-coded symbols) or INT. */
    @Param({"VARCHAR", "INT"})
    public String keyType;

    /** Distinct keys (symbols S00, S01, ... or 0, 1, ...). */
    @Param({"50"})
    public int cardinality;


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
        batches = KernelBench.batches(query, dictionary, KernelBench.ROWS, batch, (b, row, i) -> {
            final long v = random.nextInt(1000);
            b.column(0).setInt(row, codes[random.nextInt(cardinality)]);
            b.column(1).setLong(row, v);
            sum[0] += v;
        });
        KernelBench.check(query, dictionary, simd, batches, 1, 2, KernelBench.ROWS, sum[0], cardinality);
        sink = new KernelBench.BlackholeSink(bh);
    }

    @Benchmark
    public void groupBy() {
        drive();
    }
}
