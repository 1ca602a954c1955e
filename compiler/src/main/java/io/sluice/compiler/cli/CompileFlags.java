package io.sluice.compiler.cli;

import io.sluice.compiler.CompileOptions;
import picocli.CommandLine.Option;

/** The command-line flags that change how a query compiles ({@link CompileOptions}), shared by run, compile and explain. */
public final class CompileFlags {
    @Option(names = "--final-table", description = "a GROUP BY without a window emits its final table once the "
        + "input ends (one row per group, no op column) instead of a changelog")
    boolean finalTable;

    public CompileOptions options() {
        return finalTable ? CompileOptions.FINAL_TABLE : CompileOptions.DEFAULT;
    }
}
