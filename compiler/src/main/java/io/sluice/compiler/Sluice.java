package io.sluice.compiler;

import io.sluice.compiler.artifact.RowWriterGenerator;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.api.RecordWriter;

/**
 * The embedding entry point: compile SQL once, then open sessions on the result and push rows.
 *
 * <pre>{@code
 * CompiledQuery query = Sluice.compile("""
 *     CREATE TABLE trades (symbol VARCHAR, price DOUBLE, ts TIMESTAMP(3),
 *       WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
 *     SELECT symbol, window_start, COUNT(*) AS n, MAX(price) AS high
 *     FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
 *     GROUP BY symbol, window_start, window_end""");
 * RecordWriter<Trade> writer = Sluice.rowWriter(Trade.class, query);
 * try (QuerySession session = query.open(row -> System.out.println(row))) {
 *     for (Trade t : trades) {
 *         session.push(t, writer);
 *     }
 * } // close() fires the open windows
 * }</pre>
 */
public final class Sluice {
    private Sluice() {
    }

    /**
     * Compiles {@code sql} (CREATE TABLE statements and one query; the table needs no 'path').
     *
     * @throws CompileException with the line and column of the offending SQL
     */
    public static CompiledQuery compile(final String sql) throws CompileException {
        return SluiceCompiler.compile(sql).runtime();
    }

    /**
     * Compiles {@code sql} with {@code options}, e.g. {@link CompileOptions#FINAL_TABLE} for the
     * final table of a GROUP BY without a window instead of its changelog.
     *
     * @throws CompileException with the line and column of the offending SQL
     */
    public static CompiledQuery compile(final String sql, final CompileOptions options) throws CompileException {
        return SluiceCompiler.compile(sql, options).runtime();
    }

    /**
     * A generated writer from objects of {@code type} (a public record or POJO) to the query's input
     * rows, fields matched to columns by name.
     *
     * @throws CompileException naming the field and column when a column has no field of a fitting
     *                          type, or the class or field is not public
     */
    public static <T> RecordWriter<T> rowWriter(final Class<T> type, final CompiledQuery query) throws CompileException {
        return RowWriterGenerator.writer(type, query.plan().input());
    }
}
