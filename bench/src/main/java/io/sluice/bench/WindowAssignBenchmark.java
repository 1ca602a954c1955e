package io.sluice.bench;

import io.sluice.runtime.window.TumblingWindows;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;

/**
 * Window assignment, {@code ts - floorMod(ts - offset, size)} (TumblingWindows.start; HOP's
 * newest window with the slide as size), for a batch of 4096 in-order timestamps: row by row as the
 * window kernels do it, or in lanes. The Vector API has no integer division that compiles to vector
 * instructions, so the lanes divide in doubles: {@code q = (long) ((double) x * (1.0 / size))} is
 * off by at most one for {@code 0 <= x < 2^52}, and one correction step each way makes the
 * remainder exact; lanes outside that range go row by row. Records/s; the question it answers is
 * whether the window kernels should assign windows in lanes (README, performance section).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OperationsPerInvocation(WindowAssignBenchmark.ROWS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WindowAssignBenchmark {
    static final int ROWS = 4096;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_512;
    private static final long SIZE = 30_000L;
    private static final long OFFSET = 0L;
    private static final double INVERSE = 1.0 / SIZE;

    /** true: in lanes; false: row by row (TumblingWindows.start, which C2 compiles without a division instruction). */
    @Param({"true", "false"})
    public boolean simd;

    private final long[] ts = new long[ROWS];
    private final long[] starts = new long[ROWS];

    @Setup(Level.Trial)
    public void setUp() {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ROWS; i++) {
            ts[i] = 1_767_225_600_000L + i * 40L - random.nextInt(1000);
        }
        lanes(ts, starts);
        for (int i = 0; i < ROWS; i++) {
            if (starts[i] != TumblingWindows.start(ts[i], SIZE, OFFSET)) {
                throw new IllegalStateException("lanes disagree with TumblingWindows.start at row " + i);
            }
        }
    }

    @Benchmark
    public long[] assign() {
        if (simd) {
            lanes(ts, starts);
        } else {
            for (int i = 0; i < ROWS; i++) {
                starts[i] = TumblingWindows.start(ts[i], SIZE, OFFSET);
            }
        }
        return starts;
    }

    private static void lanes(final long[] ts, final long[] starts) {
        for (int i = 0; i < ROWS; i += 8) {
            final LongVector t = LongVector.fromArray(LS, ts, i);
            final LongVector x = t.sub(OFFSET);
            final VectorMask<Long> exact = x.compare(VectorOperators.GE, 0L).and(x.compare(VectorOperators.LT, 1L << 52));
            final LongVector q = (LongVector) ((DoubleVector) x.convert(VectorOperators.L2D, 0)).mul(INVERSE)
                .convert(VectorOperators.D2L, 0);
            LongVector r = x.sub(q.mul(SIZE));
            r = r.add(SIZE, r.compare(VectorOperators.LT, 0L));
            r = r.sub(SIZE, r.compare(VectorOperators.GE, SIZE));
            t.sub(r).intoArray(starts, i);
            if (!exact.allTrue()) {
                for (int j = i; j < i + 8; j++) {
                    starts[j] = TumblingWindows.start(ts[j], SIZE, OFFSET);
                }
            }
        }
    }
}
