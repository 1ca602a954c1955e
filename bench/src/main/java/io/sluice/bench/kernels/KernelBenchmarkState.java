package io.sluice.bench.kernels;

import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every kernel benchmark shares beyond how it runs ({@link KernelRunSettings}), what its state
 * holds and does around its trial set-up: the twin under test,
 * the compiled query, the batches (freed after the trial) and a fresh kernel per invocation (made
 * and closed outside the timing). A subclass fills {@link #query}, {@link #dictionary},
 * {@link #batches} and {@link #sink} in its {@code @Setup(Level.Trial)} and times {@link #drive()}.
 */
@State(Scope.Thread)
public abstract class KernelBenchmarkState extends KernelRunSettings {
    /** true: the SIMD twin; false: the scalar twin ({@code --no-simd}). */
    @Param({"true", "false"})
    public boolean simd;

    protected CompiledQuery query;
    protected StringDictionary dictionary;
    protected ColumnBatch[] batches;
    protected Kernel kernel;
    protected KernelBench.BlackholeSink sink;

    @Setup(Level.Invocation)
    public void newKernel() {
        kernel = KernelBench.kernel(query, dictionary, simd);
    }

    @TearDown(Level.Invocation)
    public void closeKernel() {
        kernel.close();
    }

    @TearDown(Level.Trial)
    public void free() {
        KernelBench.free(batches);
    }

    /** The timed work: every batch through the invocation's kernel, then end of input. */
    protected final void drive() {
        KernelBench.drive(kernel, batches, sink);
    }
}
