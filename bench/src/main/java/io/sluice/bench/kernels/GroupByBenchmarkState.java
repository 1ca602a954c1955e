package io.sluice.bench.kernels;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** What the GROUP BY benchmarks share beyond {@link KernelBenchmarkState}: the batch size and the emit mode. */
@State(Scope.Thread)
public abstract class GroupByBenchmarkState extends KernelBenchmarkState {
    /** Rows per batch (= per changelog emission). */
    @Param({"4096"})
    public int batch;

    /**
     * FINAL: the final table once the input ends (as a batch engine computes it, the figure to put
     * beside DuckDB); CHANGES: the continuous form, a changelog of the touched groups after each
     * batch ({@code -p emit=CHANGES}).
     */
    @Param({"FINAL"})
    public String emit;
}
