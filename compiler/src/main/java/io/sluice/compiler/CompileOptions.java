package io.sluice.compiler;

/**
 * What a compile depends on besides the SQL text. Options change the generated kernel source, and
 * compiled kernels are cached by that source, so a cached kernel never answers for other options.
 *
 * @param finalTable a GROUP BY without a window (and aggregates without GROUP BY) emits its final
 *                   table once the input ends, one row per group and no {@code op} column, instead of
 *                   a changelog: the result of the query over a bounded input, as a batch engine (or
 *                   Flink's batch execution mode) gives it. A trailing {@code EMIT CHANGES} written in
 *                   the query still means a changelog; windowed queries and projections are unchanged.
 *                   ({@code EMIT FINAL} is for windows only and is an error without one, as in
 *                   Velostream.) On the command line: {@code --final-table}.
 */
public record CompileOptions(boolean finalTable) {
    /** A changelog for a GROUP BY without a window, as DESIGN.md defines the default. */
    public static final CompileOptions DEFAULT = new CompileOptions(false);
    /** The final table at the end of the input for a GROUP BY without a window. */
    public static final CompileOptions FINAL_TABLE = new CompileOptions(true);
}
