package io.sluice.bench.kernels;

import io.sluice.compiler.CompileOptions;
import io.sluice.runtime.api.CompiledQuery;
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
     * FINAL: the final table once the input ends ({@link CompileOptions#FINAL_TABLE}, as a batch
     * engine computes it, the figure to put beside DuckDB); CHANGES: the continuous form, a
     * changelog of the touched groups after each batch ({@code -p emit=CHANGES}).
     */
    @Param({"FINAL"})
    public String emit;

    /** Compiles {@code sql}, a GROUP BY without a window, for the {@link #emit} mode. */
    CompiledQuery compileGroupBy(final String sql) {
        return switch (emit) {
            case "FINAL" -> KernelBench.compile(sql, CompileOptions.FINAL_TABLE);
            case "CHANGES" -> KernelBench.compile(sql + " EMIT CHANGES");
            default -> throw new IllegalArgumentException("emit must be FINAL or CHANGES: " + emit);
        };
    }
}
