package io.sluice.bench.compare;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB, embedded through JDBC. In-memory: the table was loaded into DuckDB beforehand (CREATE
 * TABLE AS read_csv, not timed) and the query's rows are read through the JDBC ResultSet, every
 * column of every row. End to end: {@code COPY (query over read_csv(file)) TO 'out.csv'}.
 * {@code SET threads} gives the threads DuckDB may use.
 */
final class DuckDbEngine implements Engine {
    private final boolean inMemory;
    private final int threads;
    private Connection connection;
    private String sql;
    private Path output;
    private List<Kind> kinds;
    private List<String> names;
    private long sunk;

    DuckDbEngine(final boolean inMemory, final int threads) {
        this.inMemory = inMemory;
        this.threads = threads;
    }

    @Override
    public String id() {
        return "duckdb-" + (inMemory ? "mem" : "csv") + "-" + threads + "t";
    }

    @Override
    public String label() {
        return "DuckDB " + version() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** The driver's version, from its manifest's Bundle-Version. */
    static String version() {
        try (var jar = new java.util.jar.JarFile(new java.io.File(
            org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            final String v = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            return "JDBC " + (v == null ? "" : v);
        } catch (final Exception e) {
            return "JDBC";
        }
    }

    @Override
    public String mode() {
        return inMemory ? "in-memory" : "CSV end-to-end";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void prepare(final QueryDef q, final Workspace ws) throws Exception {
        connection = ws.duckDb(q.data());
        kinds = ws.kinds(q);
        names = ws.names(q);
        final String body = QueryDef.body(q.duckDbSql());
        if (inMemory) {
            sql = body.replace("${source}", q.data().table);
        } else {
            output = ws.scratch.resolve(q.name() + "-" + id() + ".csv");
            sql = "COPY (" + body.replace("${source}", ws.duckDbReadCsv(q.data())) + ") TO '" + output
                + "' (HEADER, DELIMITER ',')";
        }
    }

    private void threads(final Statement s) throws Exception {
        s.execute("SET threads = " + threads);
    }

    @Override
    public ResultTable result() throws Exception {
        try (Statement s = connection.createStatement()) {
            threads(s);
            if (!inMemory) {
                s.execute(sql);
                return ResultTable.readCsv(output, names, kinds, false);
            }
            final List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    final Object[] row = new Object[kinds.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = kinds.get(c).canon(rs.getObject(c + 1));
                    }
                    rows.add(row);
                }
            }
            return new ResultTable(names, kinds, rows);
        }
    }

    @Override
    public long time() throws Exception {
        try (Statement s = connection.createStatement()) {
            threads(s);
            final long t0 = System.nanoTime();
            if (inMemory) {
                long sum = 0;
                try (ResultSet rs = s.executeQuery(sql)) {
                    final int n = kinds.size();
                    while (rs.next()) {
                        for (int c = 1; c <= n; c++) {
                            switch (kinds.get(c - 1)) {
                                case LONG -> sum += rs.getLong(c);
                                case DOUBLE -> sum += (long) rs.getDouble(c);
                                case STRING -> sum += rs.getString(c).length();
                                case TIMESTAMP -> sum += rs.getTimestamp(c).getTime();
                            }
                        }
                    }
                }
                sunk += sum;
            } else {
                s.execute(sql);
            }
            return System.nanoTime() - t0;
        }
    }
}
