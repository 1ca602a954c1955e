package io.sluice.bench.compare;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.runtime.type.Column;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the engines share in one harness run: the generated data, the loaded tables, scratch files. */
final class Workspace implements AutoCloseable {
    final Path folder;
    final long rows;
    final long seed;
    final Path scratch;
    private final Map<Workloads, Dataset> datasets = new EnumMap<>(Workloads.class);
    private final Map<String, CompiledQuery> compiled = new HashMap<>();
    private Connection duckDb;
    private final Set<Workloads> duckDbTables = EnumSet.noneOf(Workloads.class);

    Workspace(final Path dataRoot, final long rows, final long seed) throws IOException {
        this.folder = Workloads.folder(dataRoot, rows, seed);
        this.rows = rows;
        this.seed = seed;
        this.scratch = folder.resolve("scratch");
        Files.createDirectories(scratch);
    }

    Path csv(final Workloads w) throws IOException {
        return w.csv(folder, rows, seed).toAbsolutePath();
    }

    Path headerless(final Workloads w) throws IOException {
        return w.headerless(folder, rows, seed).toAbsolutePath();
    }

    synchronized Dataset dataset(final Workloads w) throws IOException {
        Dataset d = datasets.get(w);
        if (d == null) {
            final long t0 = System.nanoTime();
            d = Dataset.load(w.table, csv(w), w.names, w.kinds);
            System.err.printf("compare: loaded %s into Java arrays: %,d rows in %.2f s%n", w.table, d.rows,
                (System.nanoTime() - t0) / 1e9);
            datasets.put(w, d);
        }
        return d;
    }

    /** Frees the arrays of every other table (the data of one workload at a time stays in memory). */
    synchronized void keepOnly(final Workloads w) {
        datasets.keySet().removeIf(k -> k != w);
    }

    CompiledQuery compile(final QueryDef q) throws Exception {
        CompiledQuery c = compiled.get(q.name());
        if (c == null) {
            c = SluiceCompiler.compile(QueryDef.body(q.sluiceSql()));
            compiled.put(q.name(), c);
        }
        return c;
    }

    /** The result columns, as Sluice's compiled query declares them: every engine's result is read as these kinds. */
    List<String> names(final QueryDef q) throws Exception {
        final List<String> out = new ArrayList<>();
        for (final Column c : compile(q).output().columns()) {
            out.add(c.name());
        }
        return out;
    }

    List<Kind> kinds(final QueryDef q) throws Exception {
        final List<Kind> out = new ArrayList<>();
        for (final Column c : compile(q).output().columns()) {
            out.add(Kind.of(c.type()));
        }
        return out;
    }

    /** The embedded DuckDB database, with the table of {@code w} loaded (CREATE TABLE AS read_csv; not timed). */
    synchronized Connection duckDb(final Workloads w) throws IOException, SQLException {
        if (duckDb == null) {
            duckDb = DriverManager.getConnection("jdbc:duckdb:");
        }
        if (duckDbTables.add(w)) {
            final long t0 = System.nanoTime();
            try (Statement s = duckDb.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + w.table);
                s.execute("CREATE TABLE " + w.table + " AS SELECT * FROM " + duckDbReadCsv(w));
            }
            System.err.printf("compare: loaded %s into DuckDB in %.2f s%n", w.table, (System.nanoTime() - t0) / 1e9);
        }
        return duckDb;
    }

    String duckDbReadCsv(final Workloads w) throws IOException {
        final Dataset shape = Dataset.shapeOf(w);
        return "read_csv('" + csv(w) + "', header = true, delim = ',', quote = '\"', auto_detect = false, columns = "
            + shape.duckDbColumns() + ")";
    }

    @Override
    public void close() throws SQLException {
        if (duckDb != null) {
            duckDb.close();
        }
    }
}
