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
 * 1-minute TUMBLE windows per symbol, {@code COUNT(*)} and {@code SUM(v)}, over 16M records, as
 * in streaming: timestamps increase by 1 ms per record on average, each shifted back by up to
 * {@link #DISORDER_MS} (mild disorder, within the 2 s watermark delay, so no record is late), and
 * the kernel gets each row's watermark in the batch and each batch's watermark after it, so windows
 * fire as the watermark passes their end and only the open ones (one or two) hold state. 16M
 * records span about 280 windows; each invocation runs a fresh kernel over all of them and ends
 * with end of input (the last window fires).
 */
@State(Scope.Thread)
public class TumbleBenchmark extends KernelBenchmarkState {
    static final String SQL = """
        CREATE TABLE t (
          symbol VARCHAR NOT NULL,
          v      BIGINT NOT NULL,
          ts     TIMESTAMP(3) NOT NULL,
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('format' = 'csv');
        SELECT symbol, window_start, COUNT(*) AS n, SUM(v) AS total
        FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        GROUP BY symbol, window_start, window_end""";
    /** A record's timestamp is up to this much behind its place in the stream. */
    static final int DISORDER_MS = 1000;
    static final long WINDOW_MS = 60_000;

    /** Distinct symbols. */
    @Param({"8", "50"})
    public int symbols;

    /** Rows per batch. */
    @Param({"4096"})
    public int batch;


    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) {
        query = KernelBench.compile(SQL);
        dictionary = new StringDictionary();
        final int[] codes = new int[symbols];
        for (int s = 0; s < symbols; s++) {
            codes[s] = dictionary.intern(String.format("S%02d", s));
        }
        final SplittableRandom random = new SplittableRandom(KernelBench.SEED);
        final long[] sum = new long[1];
        // which (window, symbol) pairs occur: the number of result rows
        final int windows = (int) (KernelBench.ROWS / WINDOW_MS) + 3;
        final boolean[] seen = new boolean[windows * symbols];
        batches = KernelBench.batches(query, dictionary, KernelBench.ROWS, batch, (b, row, i) -> {
            final int s = random.nextInt(symbols);
            final long v = random.nextInt(1000);
            final long ts = KernelBench.T0 + i - random.nextInt(DISORDER_MS);
            b.column(0).setInt(row, codes[s]);
            b.column(1).setLong(row, v);
            b.column(2).setLong(row, ts);
            sum[0] += v;
            seen[(int) (Math.floorDiv(ts - KernelBench.T0, WINDOW_MS) + 1) * symbols + s] = true;
        });
        long resultRows = 0;
        for (final boolean b : seen) {
            resultRows += b ? 1 : 0;
        }
        KernelBench.check(query, dictionary, simd, batches, 2, 3, KernelBench.ROWS, sum[0], resultRows);
        sink = new KernelBench.BlackholeSink(bh);
    }

    @Benchmark
    public void tumble() {
        drive();
    }
}
