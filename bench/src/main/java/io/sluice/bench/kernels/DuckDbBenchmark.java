package io.sluice.bench.kernels;

import io.sluice.runtime.batch.ColumnBatch;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The other reference issue 3 names for the GROUP BY kernels, measured in the same run as them:
 * DuckDB (embedded, {@code SET threads = 1}) computing {@code SELECT k, COUNT(*), SUM(v) FROM t
 * GROUP BY k} over an in-memory table holding {@link GroupByBigintBenchmark}'s very input (its
 * generator, the same seed), loaded once per trial through DuckDB's appender. The groups are summed
 * inside DuckDB (an outer {@code COUNT(*), SUM(n), SUM(total)}), so that fetching 1M result rows
 * through JDBC is not what is timed; DuckDB still builds every group.
 */
@State(Scope.Thread)
public class DuckDbBenchmark extends GroupByReference {
    static final String SQL = "SELECT COUNT(*), SUM(n), SUM(total) FROM "
        + "(SELECT k, COUNT(*) AS n, SUM(v) AS total FROM t GROUP BY k)";

    private DuckDBConnection connection;
    private Statement statement;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        final long[] sum = new long[1];
        final ColumnBatch[] batches = input(sum);
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        statement = connection.createStatement();
        statement.execute("SET threads = 1");
        statement.execute("CREATE TABLE t (k BIGINT NOT NULL, v BIGINT NOT NULL)");
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
            for (final ColumnBatch batch : batches) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    appender.beginRow().append(batch.column(0).getLong(i)).append(batch.column(1).getLong(i)).endRow();
                }
            }
        } finally {
            KernelBench.free(batches);
        }
        final long[] result = run();
        if (result[0] != keys || result[1] != KernelBench.ROWS || result[2] != sum[0]) {
            throw new IllegalStateException("DuckDB's result is wrong: " + result[0] + " groups, COUNT " + result[1]
                + ", SUM " + result[2] + "; expected " + keys + ", " + KernelBench.ROWS + ", " + sum[0]);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        statement.close();
        connection.close();
    }

    /** The query once: its three sums go to JMH (returned). */
    @Benchmark
    public long[] groupBy() throws SQLException {
        return run();
    }

    private long[] run() throws SQLException {
        try (ResultSet rs = statement.executeQuery(SQL)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }
}
