package io.sluice.bench.kernels;

import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.batch.ColumnBatch;
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
 * {@code SELECT k, COUNT(*), SUM(v) FROM t GROUP BY k} with a BIGINT key of 10 to 10M distinct
 * values, over 16M records, compiled with --final-table by default (the final table at the end of the input,
 * what DuckDB computes). Under {@code -p emit=CHANGES} it is the continuous query: after each batch
 * the kernel emits the changes of the groups the batch touched (+I, or -U/+U), so the batch size
 * matters (one changelog pair per touched group per batch).
 *
 * <p>Keys: the first {@code keys} records are a random permutation of the key set (so every key
 * occurs, also at 10M keys), the rest are uniform draws; key values are the key's index times an
 * odd 64-bit constant (distinct, spread over the whole range: not a dense range a direct-index
 * table could use). Each invocation aggregates all records into a fresh kernel, whose state starts
 * empty, as a batch engine's would.
 */
@State(Scope.Thread)
public class GroupByBigintBenchmark extends GroupByBenchmarkState {
    static final String SQL = """
        CREATE TABLE t (k BIGINT NOT NULL, v BIGINT NOT NULL) WITH ('format' = 'csv');
        SELECT k, COUNT(*) AS n, SUM(v) AS total FROM t GROUP BY k""";
    /** Spreads key indexes over the 64-bit range (odd: a bijection). */
    static final long SPREAD = 0x9E3779B97F4A7C15L;

    /** Distinct keys. */
    @Param({"10", "1000", "100000", "1000000", "10000000"})
    public int keys;


    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) {
        query = compileGroupBy(SQL);
        dictionary = new StringDictionary();
        final long[] sum = new long[1];
        batches = generate(query, dictionary, keys, batch, sum);
        KernelBench.check(query, dictionary, simd, batches, 1, 2, KernelBench.ROWS, sum[0], keys);
        sink = new KernelBench.BlackholeSink(bh);
    }

    /**
     * The benchmark's input, the same for the kernel and for the references measured beside it
     * ({@link JavaTableBenchmark}, {@link DuckDbBenchmark}): 16M rows of (k, v) in batches of
     * {@code batch} rows of {@code query}'s table; the sum of v goes to {@code sum[0]}.
     */
    static ColumnBatch[] generate(final CompiledQuery query, final StringDictionary dictionary, final int keys,
                                  final int batch, final long[] sum) {
        final SplittableRandom random = new SplittableRandom(KernelBench.SEED);
        final int[] firstPass = permutation(keys, random);
        return KernelBench.batches(query, dictionary, KernelBench.ROWS, batch, (b, row, i) -> {
            final int key = i < firstPass.length ? firstPass[i] : random.nextInt(keys);
            final long v = random.nextInt(1000);
            b.column(0).setLong(row, key * SPREAD);
            b.column(1).setLong(row, v);
            sum[0] += v;
        });
    }

    /** 0..n-1 in random order (Fisher-Yates). */
    static int[] permutation(final int n, final SplittableRandom random) {
        final int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Benchmark
    public void groupBy() {
        drive();
    }
}
