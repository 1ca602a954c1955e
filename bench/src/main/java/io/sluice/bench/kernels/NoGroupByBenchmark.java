package io.sluice.bench.kernels;

import io.sluice.runtime.batch.StringDictionary;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * {@code SELECT COUNT(*), SUM(v) FROM t} (no GROUP BY: one group, a changelog row pair per batch)
 * over 16M BIGINT values in off-heap batches, and beside it, in the same run, the memory-read
 * reference: a plain loop summing the very same off-heap buffers ({@link #baseline}). The kernel
 * reads 8 bytes per record (v; COUNT(*) reads nothing), as the baseline does, so
 * {@code kernel / baseline} is the fraction of the read bandwidth the kernel reaches; the
 * baseline's records/s times 8 is its bandwidth in bytes/s.
 *
 * <p>{@code simd} picks the kernel's twin; for the baseline it picks a Vector API loop
 * ({@link LongVector} over a {@link MemorySegment} of the buffer) or a scalar loop over the
 * Agrona {@link UnsafeBuffer}.
 */
@State(Scope.Thread)
public class NoGroupByBenchmark extends KernelBenchmarkState {
    static final String SQL = """
        CREATE TABLE t (v BIGINT NOT NULL) WITH ('format' = 'csv');
        SELECT COUNT(*) AS n, SUM(v) AS total FROM t""";
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;

    /** true: the SIMD twin (and the Vector API baseline); false: the scalar twin ({@code --no-simd}). */
    @Param({"true", "false"})
    public boolean simd;

    private UnsafeBuffer[] buffers;
    private MemorySegment[] segments;
    private int batchRows;

    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) {
        query = KernelBench.compile(SQL);
        dictionary = new StringDictionary();
        final SplittableRandom random = new SplittableRandom(KernelBench.SEED);
        final long[] sum = new long[1];
        batches = KernelBench.batches(query, dictionary, KernelBench.ROWS, KernelBench.DEFAULT_BATCH, (b, row, i) -> {
            final long v = random.nextInt(1_000_000);
            b.column(0).setLong(row, v);
            sum[0] += v;
        });
        batchRows = KernelBench.DEFAULT_BATCH;
        buffers = new UnsafeBuffer[batches.length];
        segments = new MemorySegment[batches.length];
        for (int b = 0; b < batches.length; b++) {
            buffers[b] = batches[b].column(0).data();
            segments[b] = MemorySegment.ofAddress(buffers[b].addressOffset()).reinterpret(buffers[b].capacity());
        }
        // one +I, then a -U/+U pair per batch: the net result is the single final row
        KernelBench.check(query, dictionary, simd, batches, 0, 1, KernelBench.ROWS, sum[0], 1);
        if ((simd ? baselineVector() : baselineScalar()) != sum[0]) {
            throw new IllegalStateException("baseline sum is wrong");
        }
        sink = new KernelBench.BlackholeSink(bh);
    }

    /** The generated kernel: records/s. */
    @Benchmark
    public void sum() {
        drive();
    }

    /** The memory-read reference: the same 16M off-heap BIGINT values summed by a hand-written loop. */
    @Benchmark
    public long baseline() {
        return simd ? baselineVector() : baselineScalar();
    }

    private long baselineScalar() {
        long sum = 0;
        final int n = batchRows;
        for (final UnsafeBuffer buffer : buffers) {
            for (int i = 0; i < n; i++) {
                sum += buffer.getLong(i << 3);
            }
        }
        return sum;
    }

    private long baselineVector() {
        LongVector acc = LongVector.zero(SPECIES);
        long tail = 0;
        final int n = batchRows;
        final int bound = SPECIES.loopBound(n);
        final int step = SPECIES.length();
        for (final MemorySegment segment : segments) {
            int i = 0;
            for (; i < bound; i += step) {
                acc = acc.add(LongVector.fromMemorySegment(SPECIES, segment, (long) i << 3, ByteOrder.nativeOrder()));
            }
            for (; i < n; i++) {
                tail += segment.getAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, i);
            }
        }
        return acc.reduceLanes(VectorOperators.ADD) + tail;
    }
}
