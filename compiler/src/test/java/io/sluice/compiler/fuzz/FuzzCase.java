package io.sluice.compiler.fuzz;

import io.sluice.compiler.fuzz.ExprGen.X;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One differential test case: a table with its rows and one query, written for Sluice
 * ({@link #queryFile()}, {@link #csv()}) and for DuckDB ({@link #duckQuery}; {@link #lenientQuery}
 * is the same with failing operations giving 0, see {@link ExprGen}), plus the DuckDB queries that
 * say whether Sluice must stop with a BIGINT overflow in SUM or AVG (Sluice adds in BIGINT, row by
 * row, where DuckDB adds in HUGEINT).
 *
 * <p>Shapes: projection and filter; GROUP BY on 0 to 3 keys (a changelog in Sluice, compared
 * after applying it) with COUNT(*), COUNT, SUM, MIN, MAX, AVG and HAVING; TUMBLE or HOP with a
 * watermark (late rows are dropped in Sluice; the DuckDB query drops the same rows by applying the
 * watermark rule over the row numbers; for HOP it expands each row into its windows with
 * generate_series and applies the rule per row and window); projection over TUMBLE.
 */
final class FuzzCase {
    enum Shape { PROJECT, GROUP, TUMBLE_GROUP, TUMBLE_PROJECT }

    final FuzzTable table;
    final Shape shape;
    final String sluiceQuery;
    final String duckQuery;
    final String lenientQuery;
    final List<String> overflowChecks;
    /** The operations that can fail at run time, and the relation (with __rn) they read from. */
    final List<ExprGen.Failing> failing;
    final String rowSource;
    final boolean changelog;
    /** The windowed GROUP BY is over HOP (TUMBLE_GROUP shape). */
    final boolean hop;

    private FuzzCase(final FuzzTable table, final Shape shape, final boolean hop, final String sluiceQuery,
                     final String duckQuery, final String lenientQuery, final List<String> overflowChecks,
                     final List<ExprGen.Failing> failing, final String rowSource) {
        this.table = table;
        this.shape = shape;
        this.sluiceQuery = sluiceQuery;
        this.duckQuery = duckQuery;
        this.lenientQuery = lenientQuery;
        this.overflowChecks = overflowChecks;
        this.failing = failing;
        this.rowSource = rowSource;
        this.changelog = shape == Shape.GROUP;
        this.hop = hop;
    }

    /** The shape as the run's statistics name it: HOP_GROUP for a GROUP BY over HOP. */
    String label() {
        return hop ? "HOP_GROUP" : shape.name();
    }

    // Column names that are Java keywords, template locals or SQL words, to exercise the generated
    // code's naming. Not here: names equal to a local generated for another column (a and a_null,
    // a and a_col; i and col1_i, which is what i becomes as column 1): the kernel then does not
    // compile, a KernelGenerator bug found with issue #7's fuzzing and left to its owners.
    private static final List<String> SPECIAL_NAMES = List.of("value", "stream", "i", "n", "e", "h", "key", "start",
        "row", "buf", "String", "Math", "x y", "prix_é", "Ab", "count", "dirty");
    private static final List<String> TABLE_NAMES = List.of("t", "trades", "Events", "stream", "value");

    /** The parts of a query; {@link #render} writes them for one engine. */
    private static final class Parts {
        final List<X> select = new ArrayList<>();
        boolean star;
        X where;
        final List<X> keys = new ArrayList<>();
        X having;
    }

    /** Builds a case from the choices (schema, query) and the cell seeds (data). */
    static FuzzCase generate(final List<Integer> choiceList, final List<List<Long>> seeds) {
        final Choices c = new Choices(choiceList);
        final Shape shape = c.from(List.of(Shape.values()));
        final boolean windowed = shape == Shape.TUMBLE_GROUP || shape == Shape.TUMBLE_PROJECT;
        final boolean grouped = shape == Shape.GROUP || shape == Shape.TUMBLE_GROUP;
        final boolean extreme = c.oneIn(3);
        // a windowed GROUP BY over HOP instead of TUMBLE (a row in several windows; its bounds only
        // as group keys: HOP rows have no single window_start while they are read)
        final boolean hop = shape == Shape.TUMBLE_GROUP && c.oneIn(3);

        // schema
        final int n = 1 + c.pick(5);
        final List<FuzzTable.Column> columns = new ArrayList<>();
        final Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            final FuzzType type = c.from(ExprGen.ALL);
            String name = "c" + i;
            if (c.oneIn(5)) {
                final String special = c.from(SPECIAL_NAMES);
                if (!used.contains(special.toLowerCase(Locale.ROOT))) {
                    name = special;
                }
            }
            used.add(name.toLowerCase(Locale.ROOT));
            columns.add(new FuzzTable.Column(name, type, !c.oneIn(4)));
        }
        int watermark = -1;
        long delay = 0;
        if (windowed || c.oneIn(6)) {
            watermark = c.pick(columns.size() + 1);
            columns.add(watermark, new FuzzTable.Column("ts", FuzzType.TIMESTAMP, true));
            delay = c.from(List.of(0L, 1000L, 2000L, 5000L, 60_000L));
        }
        final List<Integer> headerOrder = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            headerOrder.add(i);
        }
        if (c.oneIn(4)) {
            Collections.rotate(headerOrder, 1 + c.pick(columns.size()));
        }
        final FuzzTable table = new FuzzTable(c.from(TABLE_NAMES), columns, watermark, delay, headerOrder, c.oneIn(6));
        final long step = c.from(List.of(1000L, 1L, 250L, 7000L, 60_000L));
        for (final List<Long> row : seeds) {
            table.addRow(row, extreme, step);
        }

        // query
        final List<X> rowLeaves = new ArrayList<>();
        for (final FuzzTable.Column col : columns) {
            rowLeaves.add(new X(col.type(), col.sluiceRef(), col.duckRef(), false));
        }
        if (windowed && !hop) {
            rowLeaves.add(new X(FuzzType.TIMESTAMP, "window_start", false));
            rowLeaves.add(new X(FuzzType.TIMESTAMP, "window_end", false));
        }
        final ExprGen rows = new ExprGen(c, rowLeaves, false, 1 + c.pick(4));
        final Parts p = new Parts();
        p.where = c.pick(3) == 0 ? null : rows.gen(FuzzType.BOOLEAN, 0);

        String from = "`" + table.name + "`";
        String duckFrom = "t";
        String lateFilter = null;
        if (hop) {
            final long slide = c.from(List.of(1000L, 5000L, 2000L, 60_000L, 3000L));
            final long size = slide * (1 + c.pick(3)) + (c.oneIn(3) ? 1000L : 0);
            final long offset = c.oneIn(4) ? c.from(List.of(1000L, 2000L)) % slide : 0;
            final String ts = columns.get(watermark).sluiceRef();
            from = "TABLE(HOP(TABLE `" + table.name + "`, DESCRIPTOR(" + ts + "), " + interval(slide) + ", "
                + interval(size) + (offset > 0 ? ", " + interval(offset) : "") + "))";
            // every window of a row: starts s = offset (mod slide) with s <= ts < s + size, from a
            // series that starts early enough; then the watermark rule per (row, window) pair
            final String tsMs = "epoch_ms(" + columns.get(watermark).duckRef() + ")";
            final String lastStartMs = "(" + tsMs + " - (((" + tsMs + " - " + offset + ") % " + slide + " + " + slide
                + ") % " + slide + "))";
            duckFrom = "(SELECT __x.*, __ws, epoch_ms(__ws) AS window_start, epoch_ms(__ws + " + size + ") AS window_end"
                + " FROM (SELECT *, max(" + tsMs + ") OVER (ORDER BY __rn ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - "
                + delay + " AS __wm FROM t) AS __x, unnest(generate_series(" + lastStartMs + " - " + (size / slide + 1)
                + " * " + slide + ", " + lastStartMs + ", " + slide + ")) AS __g(__ws) WHERE __ws + " + size + " > " + tsMs
                + ") AS __s";
            lateFilter = "(__wm IS NULL OR __ws + " + size + " > __wm)";
        } else if (windowed) {
            final long size = c.from(List.of(5_000L, 1000L, 60_000L, 7000L, 3_600_000L, 2000L));
            final long offset = c.oneIn(4) ? c.from(List.of(1000L, 2000L)) % size : 0;
            final String ts = columns.get(watermark).sluiceRef();
            from = "TABLE(TUMBLE(TABLE `" + table.name + "`, DESCRIPTOR(" + ts + "), " + interval(size)
                + (offset > 0 ? ", " + interval(offset) : "") + "))";
            final String tsMs = "epoch_ms(" + columns.get(watermark).duckRef() + ")";
            final String startMs = "(" + tsMs + " - (((" + tsMs + " - " + offset + ") % " + size + " + " + size + ") % "
                + size + "))";
            duckFrom = "(SELECT *, epoch_ms(" + startMs + ") AS window_start, epoch_ms(" + startMs + " + " + size
                + ") AS window_end, max(" + tsMs + ") OVER (ORDER BY __rn ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - "
                + delay + " AS __wm FROM t) AS __s";
            lateFilter = "(__wm IS NULL OR " + startMs + " + " + size + " > __wm)";
        }

        final List<X> sums = new ArrayList<>();
        if (!grouped) {
            if (shape == Shape.PROJECT && c.oneIn(8)) {
                p.star = true;
            } else {
                final int items = 1 + c.pick(5);
                for (int i = 0; i < items; i++) {
                    p.select.add(rows.gen(c.from(ExprGen.ALL), 0));
                }
            }
        } else {
            final int nKeys = c.pick(4);
            for (int k = 0; k < nKeys; k++) {
                final X key = c.pick(3) == 0 ? rows.gen(c.from(ExprGen.ALL), 1) : rows.leaf(c.from(ExprGen.ALL));
                if (!key.constant()) { // GROUP BY a constant is not a group key anyone writes
                    p.keys.add(key);
                }
            }
            final int nAggs = p.keys.isEmpty() && !windowed ? 1 + c.pick(4) : c.pick(5);
            final List<X> aggs = new ArrayList<>();
            for (int a = 0; a < nAggs; a++) {
                aggs.add(aggregate(c, rows, sums));
            }
            if (windowed) {
                if (!c.oneIn(4)) {
                    p.select.add(new X(FuzzType.TIMESTAMP, "window_start", false));
                }
                if (!c.oneIn(3)) {
                    p.select.add(new X(FuzzType.TIMESTAMP, "window_end", false));
                }
            }
            for (final X k : p.keys) {
                if (!c.oneIn(5)) {
                    p.select.add(k);
                }
            }
            p.select.addAll(aggs);
            final List<X> post = new ArrayList<>(p.keys);
            post.addAll(aggs);
            post.add(new X(FuzzType.BIGINT, "COUNT(*)", false));
            final ExprGen after = new ExprGen(c, post, true, 1 + c.pick(3));
            final int extra = c.pick(3) == 0 ? 1 + c.pick(2) : 0;
            for (int i = 0; i < extra; i++) {
                p.select.add(c.pick(p.select.size() + 1), after.gen(c.from(ExprGen.ALL), 0));
            }
            if (p.select.isEmpty()) {
                p.select.add(new X(FuzzType.BIGINT, "COUNT(*)", false));
            }
            p.having = c.pick(3) == 0 ? after.gen(FuzzType.BOOLEAN, 0) : null;
        }
        final boolean emit = grouped && c.oneIn(5);

        // Sluice
        final StringBuilder s = new StringBuilder("SELECT ");
        if (p.star) {
            s.append('*');
        }
        for (int i = 0; i < p.select.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(p.select.get(i).s()).append(" AS o").append(i);
        }
        s.append("\nFROM ").append(from);
        if (p.where != null) {
            s.append("\nWHERE ").append(p.where.s());
        }
        final List<String> sk = new ArrayList<>();
        if (grouped && windowed) {
            sk.add("window_start");
            sk.add("window_end");
        }
        for (final X k : p.keys) {
            sk.add(k.s());
        }
        if (!sk.isEmpty()) {
            s.append("\nGROUP BY ").append(String.join(", ", sk));
        }
        if (p.having != null) {
            s.append("\nHAVING ").append(p.having.s());
        }
        if (emit) {
            s.append(windowed ? "\nEMIT FINAL" : "\nEMIT CHANGES");
        }

        // DuckDB: the rows the query sees (for TUMBLE with a GROUP BY: WHERE evaluated on every row,
        // as Sluice does, and late rows dropped), then the query
        final String source = duckFrom;
        final Function<Function<X, String>, String> rowsFrom = g -> windowed && grouped
            ? "(SELECT *, " + (p.where == null ? "TRUE" : g.apply(p.where)) + " AS __pass FROM " + source + ") AS __p"
            : source;
        final String late = lateFilter;
        final Function<Function<X, String>, String> rowsWhere = g -> windowed && grouped ? "__pass AND " + late
            : p.where == null ? null : g.apply(p.where);
        final Function<Function<X, String>, String> render = g -> {
            final StringBuilder d = new StringBuilder("SELECT ");
            if (p.star) {
                d.append("* EXCLUDE (__rn)");
            }
            for (int i = 0; i < p.select.size(); i++) {
                d.append(i == 0 ? "" : ", ").append(g.apply(p.select.get(i))).append(" AS o").append(i);
            }
            d.append("\nFROM ").append(rowsFrom.apply(g));
            final String w = rowsWhere.apply(g);
            if (w != null) {
                d.append("\nWHERE ").append(w);
            }
            final List<String> dk = new ArrayList<>();
            if (grouped && windowed) {
                dk.add("window_start");
                dk.add("window_end");
            }
            for (final X k : p.keys) {
                dk.add(g.apply(k));
            }
            if (!dk.isEmpty()) {
                d.append("\nGROUP BY ").append(String.join(", ", dk));
            }
            // an aggregate over no rows emits nothing in Sluice; DuckDB's grand total has one row
            if (grouped && dk.isEmpty()) {
                d.append("\nHAVING COUNT(*) > 0").append(p.having == null ? "" : " AND " + g.apply(p.having));
            } else if (p.having != null) {
                d.append("\nHAVING ").append(g.apply(p.having));
            }
            return d.toString();
        };

        // running BIGINT sums, per group in row order: a partial sum outside BIGINT is Sluice's error
        final List<String> checks = new ArrayList<>();
        for (final X arg : sums) {
            final List<String> dk = new ArrayList<>();
            if (windowed) {
                dk.add("window_start");
                dk.add("window_end");
            }
            for (final X k : p.keys) {
                dk.add(k.d());
            }
            final String w = rowsWhere.apply(X::d);
            // keys computed first: DuckDB does not PARTITION BY an expression that may raise an error
            final List<String> projected = new ArrayList<>();
            final List<String> names = new ArrayList<>();
            for (int k = 0; k < dk.size(); k++) {
                projected.add(dk.get(k) + " AS __k" + k);
                names.add("__k" + k);
            }
            projected.add(arg.d() + " AS __a");
            checks.add("SELECT count(*) FROM (SELECT sum(CAST(__a AS HUGEINT)) OVER ("
                + (names.isEmpty() ? "" : "PARTITION BY " + String.join(", ", names) + " ")
                + "ORDER BY __rn ROWS UNBOUNDED PRECEDING) AS __rs FROM (SELECT __rn, " + String.join(", ", projected)
                + " FROM " + rowsFrom.apply(X::d) + (w == null ? "" : " WHERE " + w) + ") AS __g"
                + ") WHERE __rs > 9223372036854775807 OR __rs < -9223372036854775808");
        }
        return new FuzzCase(table, shape, hop, s.toString(), render.apply(X::d), render.apply(X::l), checks, rows.failing,
            source);
    }

    private static X aggregate(final Choices c, final ExprGen rows, final List<X> sums) {
        final String fn = c.from(List.of("COUNT", "SUM", "MIN", "MAX", "AVG", "COUNT(*)"));
        if (fn.equals("COUNT(*)")) {
            return new X(FuzzType.BIGINT, "COUNT(*)", false);
        }
        final FuzzType argType = switch (fn) {
            case "COUNT" -> c.from(ExprGen.ALL);
            case "SUM", "AVG" -> c.from(List.of(FuzzType.BIGINT, FuzzType.INT, FuzzType.DOUBLE));
            default -> c.from(List.of(FuzzType.BIGINT, FuzzType.INT, FuzzType.DOUBLE, FuzzType.VARCHAR, FuzzType.TIMESTAMP));
        };
        // COUNT of a NOT NULL expression is COUNT(*) to Calcite, which then never evaluates it (a
        // failing cast inside it is not an error in Sluice, and is in DuckDB): COUNT counts columns
        final X arg = c.pick(3) == 0 && !fn.equals("COUNT") ? rows.gen(argType, 1) : rows.leaf(argType);
        final FuzzType result = switch (fn) {
            case "COUNT" -> FuzzType.BIGINT;
            case "SUM" -> argType == FuzzType.DOUBLE ? FuzzType.DOUBLE : FuzzType.BIGINT;
            case "AVG" -> FuzzType.DOUBLE;
            default -> argType;
        };
        if ((fn.equals("SUM") || fn.equals("AVG")) && argType.integral()) {
            sums.add(arg);
        }
        return new X(result, fn + "(" + arg.s() + ")", fn + "(" + arg.d() + ")", fn + "(" + arg.l() + ")", false);
    }

    private static String interval(final long millis) {
        if (millis % 3_600_000 == 0) {
            return "INTERVAL '" + millis / 3_600_000 + "' HOUR";
        }
        if (millis % 60_000 == 0) {
            return "INTERVAL '" + millis / 60_000 + "' MINUTE";
        }
        return "INTERVAL '" + millis / 1000 + "' SECOND";
    }

    /** The Sluice query file: CREATE TABLE, then the query. */
    String queryFile() {
        return table.sluiceDdl("in.csv", false) + ";\n\n" + sluiceQuery + ";\n";
    }

    String csv() {
        return table.csv();
    }

    /** Everything DuckDB runs, as one script (settings, the macros used, table, query, checks). */
    String duckScript() {
        final StringBuilder sb = new StringBuilder();
        for (final String m : DuckDb.SETUP) {
            sb.append(m).append(";\n");
        }
        final String all = duckQuery + "\n" + lenientQuery + "\n" + String.join("\n", overflowChecks);
        for (final String m : DuckDb.MACROS) {
            final String name = m.substring("CREATE OR REPLACE MACRO ".length(), m.indexOf('('));
            if (all.contains(name + "(")) {
                sb.append(m).append(";\n");
            }
        }
        for (final String l : table.duckLoad()) {
            sb.append(l).append(";\n");
        }
        sb.append(duckQuery).append(";\n");
        if (!lenientQuery.equals(duckQuery)) {
            sb.append("-- the same with failing operations giving 0 (see ExprGen):\n").append(lenientQuery).append(";\n");
        }
        for (final String o : overflowChecks) {
            sb.append("-- Sluice must stop with a BIGINT overflow if this counts any row:\n").append(o).append(";\n");
        }
        return sb.toString();
    }

    /** The reproducer jqwik prints for a failing (shrunk) case. */
    @Override
    public String toString() {
        return "\n==== query.sql ====\n" + queryFile() + "==== in.csv ====\n" + csv() + "==== duckdb.sql ====\n"
            + duckScript();
    }
}
